namespace Harness.Engine.Diff;

/// <summary>One request and how the candidate's (and the secondary's) answer differ from the primary's.</summary>
/// <param name="Request">The request.</param>
/// <param name="Candidate">Differences of the candidate's answer from the primary's, ignore rules applied.</param>
/// <param name="Secondary">Differences of the secondary's answer from the primary's; null without a secondary.</param>
public sealed record RequestComparison(DiffRequest Request, IReadOnlyList<FieldDifference> Candidate, IReadOnlyList<FieldDifference>? Secondary);
