namespace Harness.Engine.Diff;

/// <summary>One occurrence of a grouped difference.</summary>
/// <param name="Request">The request's label (golden case id, generated request, capture line).</param>
/// <param name="RequestId">The <c>X-Request-Id</c> it was sent with.</param>
/// <param name="Field">The exact field (with its array indices).</param>
/// <param name="Primary">The primary's value; null when absent.</param>
/// <param name="Candidate">The candidate's value; null when absent.</param>
public sealed record DiffExample(string Request, string RequestId, string Field, string? Primary, string? Candidate);
