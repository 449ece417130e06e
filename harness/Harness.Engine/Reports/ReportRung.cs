using Harness.Engine.Plans;

namespace Harness.Engine.Reports;

/// <summary>A phase of the plan next to the one rehearsed: where a rollback goes, or what comes next.</summary>
/// <param name="Phase">The phase's name.</param>
/// <param name="Description">Its one-line description.</param>
/// <param name="Configuration">The configuration it requires.</param>
public sealed record ReportRung(string Phase, string Description, PhaseConfiguration Configuration);
