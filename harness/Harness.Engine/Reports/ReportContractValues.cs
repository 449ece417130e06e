namespace Harness.Engine.Reports;

/// <summary>The target's own contract values a rehearsal held its responses to.</summary>
/// <param name="Sunset">The <c>Sunset</c> value; null when none was declared or seen.</param>
/// <param name="DocsUrl">The docs URL; null when none was declared or seen.</param>
/// <param name="Source">Declared in the plan, or learned from which response.</param>
public sealed record ReportContractValues(string? Sunset, string? DocsUrl, string Source);
