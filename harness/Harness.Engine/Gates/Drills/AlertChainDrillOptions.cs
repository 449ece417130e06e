using Harness.Engine.Gates.Kinds;

namespace Harness.Engine.Gates.Drills;

/// <summary>The parameters of the alert-chain-drill gate, with their defaults and ranges (<see cref="GateParameterAttribute"/>).</summary>
public sealed record AlertChainDrillOptions
{
    /// <summary>The alert the drill makes fire; default the unknown-rate alert of the shipped rules.</summary>
    [GateParameter("the alerting rule the drill makes fire (its expression must react to unknown stages)")]
    public string Alert { get; init; } = "StageUnknownRateOverExitThreshold";

    /// <summary>Requests a second of enforce traffic during the drill; default 40.</summary>
    [GateParameter("requests a second of generated phase traffic during the drill", Min = 1, Max = 2_000)]
    public double Rate { get; init; } = 40;

    /// <summary>Share of that traffic with an unknown stage once the drill injects; default 0.2.</summary>
    [GateParameter("share of the traffic with an unknown stage once the drill injects", Min = 0.001, Max = 1)]
    public double UnknownShare { get; init; } = 0.2;

    /// <summary>Seconds the rule has to fire after the injection starts; default 60.</summary>
    [GateParameter("seconds the rule has to fire once the injection starts", Min = 1, Max = 3_600)]
    public double FireTimeout { get; init; } = 60;

    /// <summary>Milliseconds between probes and between polls; default 250.</summary>
    [GateParameter("milliseconds between probes and between polls of Prometheus and Alertmanager", Min = 10, Max = 10_000)]
    public int PollMilliseconds { get; init; } = 250;
}
