using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using StageContract;
using StageContract.Modes;

namespace ReferenceImpl.Api.Faults;

/// <summary>
/// The faults in the per-request decision (contract section 3, step 3) and its header: a bucket
/// boundary off by one, a bucket on another hash, <c>X-Stage-Mode</c> missing for a few request ids.
/// </summary>
public sealed class DecisionFaults
{
    private readonly FaultSet _faults;

    public DecisionFaults(FaultSet faults) => _faults = faults;

    /// <summary>The effective mode, as the faulty service decides it.</summary>
    public EffectiveMode Decide(ContractRules rules, ModeSettings settings, string method, string routeTemplate, string requestId)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(settings);
        if (_faults.Has(Fault.BucketOffByOne) || _faults.Has(Fault.BucketOtherHash))
        {
            // The decision is the contract's with the bucket test replaced: 100 % or 0 % for this id.
            var bucket = _faults.Has(Fault.BucketOtherHash) ? LastFourBytesBucket(requestId) : EnforcementBucket.Of(requestId);
            var percent = Math.Clamp(settings.EnforcementPercent, 0, 100);
            var inBucket = _faults.Has(Fault.BucketOffByOne) ? bucket <= percent : bucket < percent;
            settings = settings with { EnforcementPercent = inBucket ? 100 : 0 };
        }

        return rules.Decider.Decide(settings, method, routeTemplate, requestId);
    }

    /// <summary>False when this request's <c>X-Stage-Mode</c> is left out.</summary>
    public bool SendsModeHeader(string requestId) =>
        !(_faults.Has(Fault.ModeHeaderGaps) && FaultSampling.Hits(Fault.ModeHeaderGaps, requestId));

    /// <summary>The bucket from the last four bytes of SHA-256 instead of the first four.</summary>
    public static int LastFourBytesBucket(string requestId)
    {
        ArgumentNullException.ThrowIfNull(requestId);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(requestId));
        return (int)(BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(hash.Length - 4)) % 100);
    }
}
