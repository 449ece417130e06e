using Harness.Engine.Gates.Kinds;

namespace Harness.Engine.Gates.Drills;

/// <summary>The parameters of the auto-downgrade-drill gate, with their defaults and ranges (<see cref="GateParameterAttribute"/>).</summary>
public sealed record AutoDowngradeDrillOptions
{
    /// <summary>Milliseconds between probes while waiting for the downgrade; default 250.</summary>
    [GateParameter("milliseconds between probes while waiting for the downgrade", Min = 10, Max = 10_000)]
    public int PollMilliseconds { get; init; } = 250;
}
