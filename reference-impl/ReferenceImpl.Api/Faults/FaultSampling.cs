using StageContract.Modes;

namespace ReferenceImpl.Api.Faults;

/// <summary>
/// Which requests a "few %" fault hits: deterministic by request id, so a test (or a harness) can
/// reproduce it, and salted with the fault's name, so it is independent of the enforcement bucket.
/// </summary>
public static class FaultSampling
{
    /// <summary>True for about <see cref="FaultCatalogue.SampledPercent"/> % of request ids.</summary>
    public static bool Hits(Fault fault, string requestId) =>
        EnforcementBucket.Of(FaultCatalogue.Of(fault).Name + "/" + requestId) < FaultCatalogue.SampledPercent;
}
