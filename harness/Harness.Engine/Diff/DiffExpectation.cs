namespace Harness.Engine.Diff;

/// <summary>
/// A difference the candidate is meant to have, declared in the plan (<c>diff: expect:</c>) or with
/// <c>--expect</c>; what it covers is then reported as expected and not counted. The vocabulary is
/// kept small and closed on purpose (<see cref="DiffExpectations"/> names it).
/// </summary>
public enum DiffExpectation
{
    /// <summary>
    /// <c>unknown-stage</c>: every difference of a request that carries at least one unknown stage value
    /// (contract section 1), e.g. a candidate that rejects (enforce) or normalizes differently what the
    /// primary accepted with a warning.
    /// </summary>
    UnknownStage,

    /// <summary><c>mode-header</c>: a different <c>X-Stage-Mode</c> value on any request (the candidate runs another mode).</summary>
    ModeHeader,

    /// <summary>
    /// <c>deprecation-headers</c>: differences of the deprecation set and the would-reject headers
    /// (<c>Deprecation</c>, <c>Sunset</c>, <c>Link</c>, <c>X-Stage-Deprecated-Variants</c>, <c>X-Stage-Docs</c>,
    /// <c>X-Stage-Would-Reject</c>, <c>X-Stage-Recommendation</c>) on any request.
    /// </summary>
    DeprecationHeaders,
}
