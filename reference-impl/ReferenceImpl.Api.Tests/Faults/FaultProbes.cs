using ReferenceImpl.Api.Faults;

namespace ReferenceImpl.Api.Tests.Faults;

/// <summary>The probe of every catalogued fault (a fault without one fails the catalogue test).</summary>
internal static class FaultProbes
{
    public static FaultProbe For(Fault fault) => fault switch
    {
        Fault.DeprecationSetGaps => HeaderProbes.DeprecationSetGaps(),
        Fault.DeprecationSetInOff => HeaderProbes.DeprecationSetInOff(),
        Fault.UnboundedVariants => HeaderProbes.UnboundedVariants(),
        Fault.ModeHeaderGaps => HeaderProbes.ModeHeaderGaps(),
        Fault.RawStageLabel => HeaderProbes.RawStageLabel(),
        Fault.UnknownStageAsSeed => PayloadProbes.UnknownStageAsSeed(),
        Fault.UnknownFilterAsSeed => PayloadProbes.UnknownFilterAsSeed(),
        Fault.SeriesCPlusUnknown => PayloadProbes.SeriesCPlusUnknown(),
        Fault.NoRescaleInTolerance => PayloadProbes.NoRescaleInTolerance(),
        Fault.DuplicatesOverwrite => PayloadProbes.DuplicatesOverwrite(),
        Fault.SumCheckOff => PayloadProbes.SumCheckOff(),
        Fault.NonAscii500 => PayloadProbes.NonAscii500(),
        Fault.SlowValidator => PayloadProbes.SlowValidator(),
        Fault.ShadowRejects => DecisionProbes.ShadowRejects(),
        Fault.WriteOnlyInverted => DecisionProbes.WriteOnlyInverted(),
        Fault.BucketOffByOne => DecisionProbes.BucketOffByOne(),
        Fault.BucketOtherHash => DecisionProbes.BucketOtherHash(),
        Fault.EnforceAsWarn => DecisionProbes.EnforceAsWarn(),
        Fault.WebhookFutureTimestamps => DecisionProbes.WebhookFutureTimestamps(),
        Fault.WebhookReplays => DecisionProbes.WebhookReplays(),
        Fault.DowngradeKeepsEnforcing => DecisionProbes.DowngradeKeepsEnforcing(),
        Fault.UnknownNotCounted => HeaderProbes.UnknownNotCounted(),
        Fault.ModeStoreNoTimeout => ModeStoreProbes.ModeStoreNoTimeout(),
        Fault.WriteAcknowledgedBeforeCommit => StoreProbes.WriteAcknowledgedBeforeCommit(),
        Fault.DatabaseDown500 => StoreProbes.DatabaseDown500(),
        _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, "no probe for this fault"),
    };
}
