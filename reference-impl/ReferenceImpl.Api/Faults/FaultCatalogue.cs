namespace ReferenceImpl.Api.Faults;

/// <summary>
/// The faults the reference service can inject, one contract rule each: the mutants a harness's
/// gates must catch. Enumerate <see cref="All"/> in tests; the names are what <c>STAGE_FAULTS</c> takes.
/// </summary>
public static class FaultCatalogue
{
    /// <summary>Percentage of request ids hit by the "a few %" faults.</summary>
    public const int SampledPercent = 5;

    /// <summary>Every fault, in catalogue order.</summary>
    public static IReadOnlyList<FaultDescription> All { get; } =
    [
        new(Fault.DeprecationSetGaps, "deprecation-set-gaps", "4",
            "warn responses with an unknown stage lack the whole deprecation set for ~5 % of request ids", nameof(OutcomeFaults)),
        new(Fault.DeprecationSetInOff, "deprecation-set-in-off", "4",
            "off responses with an unknown stage carry the deprecation set", nameof(OutcomeFaults)),
        new(Fault.UnknownStageAsSeed, "unknown-stage-as-seed", "1",
            "an unknown stage in a payload (array, object, scalar) is silently taken as seed: no headers, result ok", nameof(StageInputFaults)),
        new(Fault.UnknownFilterAsSeed, "unknown-filter-as-seed", "1",
            "an unknown companies filter returns the seed companies (the mode and deprecation headers stay right)", nameof(StageInputFaults)),
        new(Fault.SeriesCPlusUnknown, "series-c-plus-unknown", "1",
            "no spelling of series-c+ is recognized: it is treated as an unknown stage", nameof(FaultyRules)),
        new(Fault.NoRescaleInTolerance, "no-rescale-in-tolerance", "2",
            "a sum within the tolerance but off by more than 1e-6 is served as sent, not rescaled to 1", nameof(FaultyRules)),
        new(Fault.DuplicatesOverwrite, "duplicates-overwrite", "2",
            "entries that normalize to the same stage overwrite each other (last wins, then rescaled) instead of summing", nameof(StageInputFaults)),
        new(Fault.RawStageLabel, "raw-stage-label", "9",
            "unknown raw stage values become label values (stage_unknown_values_total{endpoint,stage})", nameof(OutcomeFaults)),
        new(Fault.NonAscii500, "non-ascii-500", "1",
            "a stage value with a non-ASCII character fails the request with 500", nameof(StageInputFaults)),
        new(Fault.UnboundedVariants, "unbounded-variants", "4",
            "X-Stage-Deprecated-Variants lists every distinct value: no cap at 10, no ,...(+N)", nameof(FaultyRules)),
        new(Fault.ModeHeaderGaps, "mode-header-gaps", "4",
            "X-Stage-Mode is missing on stage endpoint responses for ~5 % of request ids", nameof(DecisionFaults)),
        new(Fault.SumCheckOff, "sum-check-off", "2",
            "the sum rule is not checked: any sum is accepted (and rescaled) instead of 400 INVALID_STAGE_WEIGHTS", nameof(FaultyRules)),
        new(Fault.ShadowRejects, "shadow-rejects", "4",
            "dry run rejects like enforce: an unknown stage in shadow is answered 400", nameof(OutcomeFaults)),
        new(Fault.WriteOnlyInverted, "write-only-inverted", "3",
            "enforceWriteOnly swaps reads and writes: reads are enforced, writes warned", nameof(FaultyRules)),
        new(Fault.BucketOffByOne, "bucket-off-by-one", "3",
            "in the enforcement bucket iff b <= percent instead of b < percent", nameof(DecisionFaults)),
        new(Fault.BucketOtherHash, "bucket-other-hash", "3",
            "the bucket is taken from the last 4 bytes of SHA-256 instead of the first 4", nameof(DecisionFaults)),
        new(Fault.EnforceAsWarn, "enforce-as-warn", "4",
            "enforce serves unknown stages like warn (200 with the deprecation set) while X-Stage-Mode says enforce", nameof(OutcomeFaults)),
        new(Fault.SlowValidator, "slow-validator", "11",
            "every validation sleeps ~10 ms inside the timed region, so stage_validation_duration_seconds records it", nameof(StageInputFaults)),
        new(Fault.WebhookFutureTimestamps, "webhook-future-timestamps", "8",
            "signed alerts dated more than 300 s in the future are accepted (only the past is bounded)", nameof(WebhookFaults)),
        new(Fault.WebhookReplays, "webhook-replays", "8",
            "replays are accepted: a repeated HMAC signature or bearer groupKey is served again instead of 409", nameof(WebhookFaults)),
        new(Fault.DowngradeKeepsEnforcing, "downgrade-keeps-enforcing", "8",
            "after the webhook's downgrade the mode store, self-report and gauge say warn, but requests are still decided as enforce (an ops API change behaves normally)", nameof(DecisionFaults)),
        new(Fault.UnknownNotCounted, "unknown-not-counted", "9",
            "validations with an unknown stage are counted in stage_validation_validations_total as result ok (answers and headers stay right)", nameof(OutcomeFaults)),
        new(Fault.ModeStoreNoTimeout, "mode-store-no-timeout", "7",
            "the mode store's Redis calls are not bounded by 100 ms: they wait for the Redis client's own timeout (5 s), so a paused Redis holds requests for seconds", nameof(ModeStoreFaults)),
        new(Fault.WriteAcknowledgedBeforeCommit, "write-acknowledged-before-commit", "10",
            "a new strategy or allocation is answered 201 before it is stored: the insert runs in the background a second later, and one that fails (the database went away) loses an acknowledged write", nameof(StoreFaults)),
        new(Fault.DatabaseDown500, "database-down-500", "5",
            "with the database gone requests are answered 500 instead of the clean 503 problem (the transient database error is not told apart)", nameof(StoreFaults)),
    ];

    /// <summary>The entry of <paramref name="fault"/>.</summary>
    public static FaultDescription Of(Fault fault) => All.Single(d => d.Fault == fault);

    /// <summary>The entry named <paramref name="name"/>, or null.</summary>
    public static FaultDescription? Named(string name) => All.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.Ordinal));
}
