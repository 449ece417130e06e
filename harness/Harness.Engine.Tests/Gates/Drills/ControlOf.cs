using Harness.Engine.Targets;

namespace Harness.Engine.Tests.Gates.Drills;

/// <summary>A dependency control that controls only <paramref name="controlled"/> and does nothing to it: for needs checks and plan tests.</summary>
internal sealed class ControlOf(Dependency controlled) : IDependencyControl
{
    public string? Describe(Dependency dependency) => dependency == controlled ? $"container {controlled.ToString().ToLowerInvariant()} (test)" : null;

    public Task BreakAsync(Dependency dependency, Outage how, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task RepairAsync(Dependency dependency, Outage how, CancellationToken cancellationToken) => Task.CompletedTask;
}
