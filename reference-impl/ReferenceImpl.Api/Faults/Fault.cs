namespace ReferenceImpl.Api.Faults;

/// <summary>A contract rule the service can be told to break (<c>STAGE_FAULTS</c>); <see cref="FaultCatalogue"/> names and documents each.</summary>
public enum Fault
{
    /// <summary><c>deprecation-set-gaps</c>.</summary>
    DeprecationSetGaps,

    /// <summary><c>deprecation-set-in-off</c>.</summary>
    DeprecationSetInOff,

    /// <summary><c>unknown-stage-as-seed</c>.</summary>
    UnknownStageAsSeed,

    /// <summary><c>unknown-filter-as-seed</c>.</summary>
    UnknownFilterAsSeed,

    /// <summary><c>series-c-plus-unknown</c>.</summary>
    SeriesCPlusUnknown,

    /// <summary><c>no-rescale-in-tolerance</c>.</summary>
    NoRescaleInTolerance,

    /// <summary><c>duplicates-overwrite</c>.</summary>
    DuplicatesOverwrite,

    /// <summary><c>raw-stage-label</c>.</summary>
    RawStageLabel,

    /// <summary><c>non-ascii-500</c>.</summary>
    NonAscii500,

    /// <summary><c>unbounded-variants</c>.</summary>
    UnboundedVariants,

    /// <summary><c>mode-header-gaps</c>.</summary>
    ModeHeaderGaps,

    /// <summary><c>sum-check-off</c>.</summary>
    SumCheckOff,

    /// <summary><c>shadow-rejects</c>.</summary>
    ShadowRejects,

    /// <summary><c>write-only-inverted</c>.</summary>
    WriteOnlyInverted,

    /// <summary><c>bucket-off-by-one</c>.</summary>
    BucketOffByOne,

    /// <summary><c>bucket-other-hash</c>.</summary>
    BucketOtherHash,

    /// <summary><c>enforce-as-warn</c>.</summary>
    EnforceAsWarn,

    /// <summary><c>slow-validator</c>.</summary>
    SlowValidator,

    /// <summary><c>webhook-future-timestamps</c>.</summary>
    WebhookFutureTimestamps,

    /// <summary><c>webhook-replays</c>.</summary>
    WebhookReplays,

    /// <summary><c>downgrade-keeps-enforcing</c>.</summary>
    DowngradeKeepsEnforcing,

    /// <summary><c>unknown-not-counted</c>.</summary>
    UnknownNotCounted,

    /// <summary><c>mode-store-no-timeout</c>.</summary>
    ModeStoreNoTimeout,

    /// <summary><c>write-acknowledged-before-commit</c>.</summary>
    WriteAcknowledgedBeforeCommit,

    /// <summary><c>database-down-500</c>.</summary>
    DatabaseDown500,
}
