namespace Harness.Engine.Reports;

/// <summary>The plan of a rehearsal.</summary>
/// <param name="Source"><c>built-in</c> or the plan file's path.</param>
/// <param name="Sha256">SHA-256 of the plan text.</param>
/// <param name="Version">Plan schema version.</param>
public sealed record ReportPlan(string Source, string Sha256, int Version);
