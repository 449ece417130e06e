using StageContract.Modes;
using StageContract.Normalization;
using StageContract.Outcomes;

namespace Harness.Engine.Requests;

/// <summary>What the contract says a target must answer to one request under one configuration.</summary>
/// <param name="Mode">The effective mode (sent back in <c>X-Stage-Mode</c>).</param>
/// <param name="Result">The <c>result</c> label.</param>
/// <param name="Status">An exact status (400, 422), or null for "any 2xx".</param>
/// <param name="ErrorCode">The problem <c>code</c> when <see cref="Status"/> is set.</param>
/// <param name="UnknownValues">Unknown raw values as sent, in request order (repeats kept).</param>
public sealed record Expectation(EffectiveMode Mode, ValidationResult Result, int? Status, string? ErrorCode, IReadOnlyList<RawStage> UnknownValues)
{
    /// <summary>True when the deprecation set must be sent (warn, would-reject, and the request served).</summary>
    public bool ExpectsDeprecation => Status is null && Result.EmitsDeprecation();

    /// <summary>True when the would-reject headers must be sent.</summary>
    public bool ExpectsWouldReject => Status is null && Result == ValidationResult.WouldReject;

    /// <summary><c>2xx</c>, <c>400 INVALID_STAGE</c>, ...</summary>
    public string StatusText => Status is { } s ? $"{s} {ErrorCode}" : "2xx";
}
