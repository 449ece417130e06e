using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using ReferenceImpl.Api.ModeStore;
using ReferenceImpl.Api.Webhook;
using StageContract;
using StageContract.Modes;

namespace ReferenceImpl.Api.Faults;

/// <summary>
/// The faults in the per-request decision (contract section 3, step 3) and its header: a bucket
/// boundary off by one, a bucket on another hash, <c>X-Stage-Mode</c> missing for a few request ids;
/// and the global mode it starts from (section 8): a webhook downgrade that requests never see.
/// </summary>
public sealed class DecisionFaults
{
    private readonly FaultSet _faults;
    private readonly ModeAuditLog _audit;

    public DecisionFaults(FaultSet faults, ModeAuditLog audit)
    {
        _faults = faults;
        _audit = audit;
    }

    /// <summary>The effective mode, as the faulty service decides it.</summary>
    public EffectiveMode Decide(ContractRules rules, ModeSettings settings, string method, string routeTemplate, string requestId)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.GlobalMode == ValidationMode.Warn && _faults.Has(Fault.DowngradeKeepsEnforcing) && DowngradedByWebhook(_audit.Latest))
        {
            // Everything that reports the mode (store, self-report, gauge) says warn; the decision
            // still starts from the enforce the webhook downgraded from.
            settings = settings with { GlobalMode = ValidationMode.Enforce };
        }

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

    /// <summary>
    /// True when the newest mode change is the webhook's downgrade. The audit log is this instance's:
    /// under <see cref="Fault.DowngradeKeepsEnforcing"/> the instance that accepted the alert keeps
    /// enforcing until a mode is set through the ops API; other instances sharing the store obey it.
    /// </summary>
    public static bool DowngradedByWebhook(ModeAuditEntry? latest) =>
        latest is { New: ValidationMode.Warn } && latest.Actor.StartsWith(WebhookEndpoints.ActorPrefix, StringComparison.Ordinal);

    /// <summary>The bucket from the last four bytes of SHA-256 instead of the first four.</summary>
    public static int LastFourBytesBucket(string requestId)
    {
        ArgumentNullException.ThrowIfNull(requestId);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(requestId));
        return (int)(BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(hash.Length - 4)) % 100);
    }
}
