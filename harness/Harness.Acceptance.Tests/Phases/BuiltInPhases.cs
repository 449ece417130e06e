using Harness.Engine.Plans;

namespace Harness.Acceptance.Tests.Phases;

/// <summary>The phases of the built-in plan (<c>Harness.Engine/Plans/default-plan.yaml</c>), read from the plan itself.</summary>
public static class BuiltInPhases
{
    public static PhasePlan Plan { get; } = PlanLoader.LoadDefault();

    public static TheoryData<string> Names => [.. Plan.Phases.Select(p => p.Name)];

    public static Phase Named(string name) =>
        Plan.Find(name) ?? throw new ArgumentException($"the built-in plan has no phase '{name}'", nameof(name));

    /// <summary>True when a gate of the phase needs the target's database (<c>--database</c>).</summary>
    public static bool NeedsDatabase(string name) => Harness.Cli.Verbs.RehearseVerb.NeedsDatabase(Harness.Cli.CliApp.DefaultRegistry, Named(name));
}
