namespace ReferenceImpl.Api.Faults;

/// <summary>A contract rule the service can be told to break (<c>STAGE_FAULTS</c>); <see cref="FaultCatalogue"/> names and documents each.</summary>
public enum Fault
{
    DeprecationSetGaps,
    DeprecationSetInOff,
    UnknownStageAsSeed,
    UnknownFilterAsSeed,
    SeriesCPlusUnknown,
    NoRescaleInTolerance,
    DuplicatesOverwrite,
    RawStageLabel,
    NonAscii500,
    UnboundedVariants,
    ModeHeaderGaps,
    SumCheckOff,
    ShadowRejects,
    WriteOnlyInverted,
    BucketOffByOne,
    BucketOtherHash,
    EnforceAsWarn,
    SlowValidator,
    WebhookFutureTimestamps,
    WebhookReplays,
}
