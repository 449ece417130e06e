using Harness.Engine.Gates;
using ReferenceImpl.Api.Faults;

namespace Harness.Acceptance.Tests.Mutants;

/// <summary>
/// The harness's mutation score: for every fault of <see cref="FaultCatalogue.All"/>, the phase of the
/// built-in plan where it shows and the gates that must catch it. The harness README's table is this
/// list (<c>MutationTableTests</c> keeps them in step); the mutant tests run every row.
/// </summary>
public static class MutationTable
{
    public static IReadOnlyList<FaultExpectation> All { get; } =
    [
        new(Fault.DeprecationSetGaps, "staging-warn", ["header-coverage", "decision-table"],
            "about 5 % of warn answers to unknown stages lack the set: coverage falls below 99 %, and those answers break the decision table"),
        new(Fault.DeprecationSetInOff, "off", ["configuration", "golden", "nothing-stage-related"],
            "in off nothing stage-related may be sent back; the behaviour probes read the headers as warn"),
        new(Fault.UnknownStageAsSeed, "staging-warn", ["configuration", "golden", "header-coverage", "decision-table"],
            "an unknown stage is served without the deprecation set, as if it were known (the probes read off)"),
        new(Fault.UnknownFilterAsSeed, "staging-warn", ["golden"],
            "the headers stay right; only the body is wrong: the golden comparison requires that a served unknown filter returns no company at a canonical stage"),
        new(Fault.SeriesCPlusUnknown, "staging-warn", ["golden", "header-coverage", "decision-table"],
            "series-c+ in every spelling is answered as unknown: deprecation headers where none are due"),
        new(Fault.NoRescaleInTolerance, "staging-warn", ["golden"],
            "the golden case whose sum lies inside the tolerance comes back unrescaled"),
        new(Fault.DuplicatesOverwrite, "staging-warn", ["golden"],
            "the golden cases with two spellings of one stage come back with the last weight instead of the sum"),
        new(Fault.RawStageLabel, "staging-warn", ["bounded-labels"],
            "the harness's canary value shows up as a label value"),
        new(Fault.NonAscii500, "staging-warn", ["golden", "decision-table", "error-rate"],
            "non-ASCII stage values are answered 500"),
        new(Fault.UnboundedVariants, "staging-warn", ["header-coverage"],
            "every tenth header-coverage request holds 11-16 distinct unknown values, which the fault lists in full without ,...(+N)"),
        new(Fault.ModeHeaderGaps, "staging-warn", ["decision-table"],
            "about 5 % of answers lack X-Stage-Mode"),
        new(Fault.SumCheckOff, "staging-warn", ["golden"],
            "the golden cases whose sum lies outside the tolerance are served instead of 400 INVALID_STAGE_WEIGHTS"),
        new(Fault.ShadowRejects, "shadow", ["configuration", "golden", "no-validation-4xx", "would-reject-conformance"],
            "unknown stages are answered 400 in shadow: nothing is flagged, everything rejected"),
        new(Fault.WriteOnlyInverted, "write-enforce", ["configuration", "no-invalid-write-accepted", "no-read-rejected"],
            "reads are enforced and writes warned"),
        new(Fault.BucketOffByOne, "enforce-25", ["configuration", "enforced-share"],
            "ids in bucket 25 are enforced: the probes at the boundary and some answers disagree with the bucket function"),
        new(Fault.BucketOtherHash, "enforce-25", ["configuration", "decision-table", "enforced-share"],
            "about a third of the answers disagree with the contract's bucket function"),
        new(Fault.EnforceAsWarn, "enforce-100", ["configuration", "golden", "decision-table"],
            "unknown stages are served 200 with the deprecation set under X-Stage-Mode: enforce"),
        new(Fault.SlowValidator, "staging-warn", ["validator-p99"],
            "the validation histogram's p99 lies above 5 ms"),
        new(Fault.WebhookFutureTimestamps, "enforce-25", ["webhook-hardening"],
            "an alert signed 600 s in the future is accepted (and downgrades the mode)"),
        new(Fault.WebhookReplays, "enforce-25", ["webhook-hardening"],
            "the same signed alert and the same alert group are accepted twice"),
        new(Fault.DowngradeKeepsEnforcing, "enforce-25", ["auto-downgrade-drill", "alert-chain-drill"],
            "the webhook's downgrade is reported (warn) but requests are still enforced: both drills see enforce answers after the alert, and the self-report disagrees"),
        new(Fault.UnknownNotCounted, "enforce-25", ["promql-error-ratio", "alert-chain-drill"],
            "unknown stages are counted as result ok: Prometheus's unknown ratio disagrees with the harness's count of the same traffic, and the unknown-rate alert never fires"),
    ];

    /// <summary>
    /// Faults whose catching gates are drills that take the target's Redis or Postgres away: their
    /// mutant runs start containers and run one drill each, in the named test class of
    /// Harness.Cli.Tests, instead of a whole phase here (a phase run per mutant would cost minutes of
    /// the CI budget for the same verdict).
    /// </summary>
    public static IReadOnlyList<DrillFaultExpectation> CaughtByDrills { get; } =
    [
        new(Fault.ModeStoreNoTimeout, GateKinds.RedisOutageDrill, "RedisOutageDrillTests",
            "with Redis paused, the mode store's refresh waits for the client's 5 s timeout instead of 100 ms: the stage request that triggered it is answered after seconds, a failed request in the ledger"),
        new(Fault.WriteAcknowledgedBeforeCommit, GateKinds.PostgresOutageDrill, "PostgresOutageDrillTests",
            "writes acknowledged in the second before Postgres is stopped are never stored: the drill's ledger reads them back as 404"),
        new(Fault.DatabaseDown500, GateKinds.PostgresOutageDrill, "PostgresOutageDrillTests",
            "while Postgres is stopped the requests are answered 500 instead of 503 problem+json: unclean failures"),
    ];

    public static FaultExpectation For(Fault fault) => All.Single(e => e.Fault == fault);
}
