using Harness.Engine.Gates.Kinds;

namespace Harness.Engine.Gates.Readiness;

/// <summary>The parameters of the traffic-readiness gates (unknown-rate, would-reject-rate), with their defaults and ranges (<see cref="GateParameterAttribute"/>).</summary>
public sealed record TrafficReadinessOptions
{
    /// <summary>A JSON-lines capture of real traffic, relative to the plan; default none: the one given with --capture.</summary>
    [GateParameter("a JSON-lines capture of real traffic, relative to the plan; none: --capture")]
    public string? Capture { get; init; }

    /// <summary>Replayed requests in flight at once; default 4.</summary>
    [GateParameter("replayed requests in flight at once", Min = 1, Max = 256)]
    public int Concurrency { get; init; } = 4;

    /// <summary>Confidence of the Wilson interval; default 0.95.</summary>
    [GateParameter("confidence of the Wilson interval", Choices = ["0.95", "0.99", "0.999"])]
    public double Confidence { get; init; } = 0.95;

    /// <summary>Validated requests needed to judge; default 100.</summary>
    [GateParameter("validated requests needed to judge", Min = 1, Max = 10_000_000)]
    public int MinSamples { get; init; } = 100;

    /// <summary>The normal quantile of <see cref="Confidence"/>.</summary>
    public double Z => Statistics.Proportions.Z(Confidence)!.Value;
}
