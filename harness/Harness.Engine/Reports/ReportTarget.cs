using Harness.Engine.Plans;

namespace Harness.Engine.Reports;

/// <summary>The target of a rehearsal.</summary>
/// <param name="Kind"><c>embedded</c> (reference service started in-process) or <c>url</c>.</param>
/// <param name="BaseAddress">Where requests went.</param>
/// <param name="ObservedConfiguration">What the target reported on <c>/api/deprecations</c>; null when it could not be read.</param>
public sealed record ReportTarget(string Kind, string BaseAddress, PhaseConfiguration? ObservedConfiguration);
