using Harness.Engine.Plans;

namespace Harness.Engine.Targets;

/// <summary>What a target reports about itself on <c>GET /api/deprecations</c>.</summary>
/// <param name="Configuration">Mode, dry run, percent, write-only and overrides.</param>
/// <param name="Sunset">The <c>Sunset</c> value it sends.</param>
/// <param name="DocsUrl">The docs URL it sends.</param>
public sealed record TargetDescription(PhaseConfiguration Configuration, string Sunset, string DocsUrl);
