namespace Harness.Engine.Gates;

/// <summary>One observation behind a gate's result: what was checked, what the contract expects and what the target did.</summary>
/// <param name="Subject">What was checked, for example <c>POST /api/allocations rid=rh-1-7</c>.</param>
/// <param name="Expected">What the contract says.</param>
/// <param name="Actual">What the target answered.</param>
/// <param name="Detail">Anything else worth seeing (a request body, a metric line); may be null.</param>
public sealed record Evidence(string Subject, string Expected, string Actual, string? Detail = null);
