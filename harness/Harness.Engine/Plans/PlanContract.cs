namespace Harness.Engine.Plans;

/// <summary>
/// The contract values a plan may declare for its target (contract section 4: they come from the
/// service's configuration). Without them the harness learns them from the target's first
/// deprecation set and holds every later response to them.
/// </summary>
/// <param name="Sunset">The <c>Sunset</c> value, an IMF-fixdate.</param>
/// <param name="DocsUrl">The docs URL of <c>X-Stage-Docs</c> and <c>Link</c>, an absolute http(s) URL.</param>
public sealed record PlanContract(string Sunset, string DocsUrl);
