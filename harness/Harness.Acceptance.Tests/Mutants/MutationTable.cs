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
        new(Fault.DeprecationSetInOff, "off", ["golden", "nothing-stage-related"],
            "in off the decision table and the golden oracle expect no deprecation header at all"),
        new(Fault.UnknownStageAsSeed, "staging-warn", ["golden", "header-coverage", "decision-table"],
            "an unknown stage is served without the deprecation set, and its payload echoes seed"),
        new(Fault.UnknownFilterAsSeed, "staging-warn", ["golden"],
            "the headers stay right; only the body of an unknown companies filter holds seed companies"),
        new(Fault.SeriesCPlusUnknown, "staging-warn", ["golden", "decision-table"],
            "series-c+ is answered as unknown: deprecation headers where none are due"),
        new(Fault.NoRescaleInTolerance, "staging-warn", ["golden"],
            "a sum inside the tolerance comes back unrescaled in the echoed distribution"),
        new(Fault.DuplicatesOverwrite, "staging-warn", ["golden"],
            "two spellings of one stage come back with the last weight instead of the sum"),
        new(Fault.RawStageLabel, "staging-warn", ["bounded-labels"],
            "the canary's raw stage value shows up as a label value"),
        new(Fault.NonAscii500, "staging-warn", ["golden", "decision-table", "error-rate"],
            "non-ASCII stage values get 500s"),
        new(Fault.UnboundedVariants, "staging-warn", ["header-coverage", "decision-table"],
            "more than 10 unknown values are listed without the ,...(+N) cut"),
        new(Fault.ModeHeaderGaps, "staging-warn", ["decision-table"],
            "about 5 % of answers lack X-Stage-Mode"),
        new(Fault.SumCheckOff, "staging-warn", ["golden"],
            "a sum outside the tolerance is served instead of 400 INVALID_STAGE_WEIGHTS"),
        new(Fault.ShadowRejects, "shadow", ["golden", "no-validation-4xx", "would-reject-conformance"],
            "unknown stages are rejected with 400 in shadow"),
        new(Fault.WriteOnlyInverted, "write-enforce", ["configuration", "no-invalid-write-accepted", "no-read-rejected"],
            "reads are enforced and writes warned"),
        new(Fault.BucketOffByOne, "enforce-25", ["enforced-share"],
            "request ids in bucket p are enforced: answers disagree with the bucket function"),
        new(Fault.BucketOtherHash, "enforce-25", ["enforced-share", "decision-table"],
            "the enforced request ids are not those of the contract's bucket function"),
        new(Fault.EnforceAsWarn, "enforce-100", ["golden", "decision-table"],
            "unknown stages are served 200 under X-Stage-Mode: enforce"),
        new(Fault.SlowValidator, "staging-warn", ["validator-p99"],
            "the validator's histogram p99 is above 5 ms"),
        new(Fault.WebhookFutureTimestamps, "enforce-25", ["webhook-hardening"],
            "a signed alert dated beyond the window in the future is accepted"),
        new(Fault.WebhookReplays, "enforce-25", ["webhook-hardening"],
            "a replayed signature and a replayed alert group are accepted"),
    ];

    public static FaultExpectation For(Fault fault) => All.Single(e => e.Fault == fault);
}
