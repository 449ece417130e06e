using StageContract.Distributions;
using StageContract.Modes;
using StageContract.Normalization;
using StageContract.Outcomes;
using StageContract.Problems;

namespace GoldenPayloads.Oracle;

/// <summary>What the contract says a target must answer to a golden case in an effective mode.</summary>
public sealed record ExpectedOutcome
{
    /// <summary>The HTTP status.</summary>
    public required int Status { get; init; }

    /// <summary>The effective mode, sent as <c>X-Stage-Mode</c> on every response of a stage endpoint.</summary>
    public required EffectiveMode Mode { get; init; }

    /// <summary>Why: the rule of the contract that decides this outcome, in a few words.</summary>
    public required string Reason { get; init; }

    /// <summary>The <c>result</c> label; null when the request never reached the stage decision (bad payload, no stage input).</summary>
    public ValidationResult? Result { get; init; }

    /// <summary>The deprecation set is sent (warn and shadow, with an unknown stage).</summary>
    public bool Deprecation { get; init; }

    /// <summary>
    /// The reference formatting of <c>X-Stage-Deprecated-Variants</c>, when <see cref="Deprecation"/>: one valid
    /// listing among many (a target is judged by <see cref="UnknownValues"/>, not by these bytes).
    /// </summary>
    public string? DeprecatedVariants { get; init; }

    /// <summary><c>X-Stage-Would-Reject: true</c> and <c>X-Stage-Recommendation</c> are sent (shadow, with an unknown stage).</summary>
    public bool WouldReject { get; init; }

    /// <summary>The answer is an RFC 9457 problem (<c>application/problem+json</c>).</summary>
    public bool IsProblem { get; init; }

    /// <summary>The problem's <c>code</c>; null for success, or where the contract names no code (malformed JSON, unknown fund).</summary>
    public string? ProblemCode { get; init; }

    /// <summary>The unknown raw values (distinct, in input order): the rejection's <c>invalid</c>.</summary>
    public IReadOnlyList<string> Invalid { get; init; } = [];

    /// <summary>The unknown raw values as sent, in input order with repeats: what the variants header and a rejection list, read by meaning.</summary>
    public IReadOnlyList<RawStage> UnknownValues { get; init; } = [];

    /// <summary>A stage rejection's <c>suggestions</c>: each invalid input and its suggestion (or null) as the reference makes it.</summary>
    public IReadOnlyList<StageSuggestion> Suggestions { get; init; } = [];

    /// <summary>The request creates a resource: 201 (the reference, with a <c>Location</c>) or 200; the contract fixes neither.</summary>
    public bool Location { get; init; }

    /// <summary>On success of a distribution endpoint: the canonical, merged, rescaled weights computed with.</summary>
    public IReadOnlyList<CanonicalWeight>? Distribution { get; init; }

    /// <summary>On success of a scalar or query endpoint: the canonical stage of every known value, in input order.</summary>
    public IReadOnlyList<string>? ScalarStages { get; init; }

    /// <summary>True for a 2xx status.</summary>
    public bool IsSuccess => Status is >= 200 and < 300;
}
