using Harness.Engine.Gates.Kinds;

namespace Harness.Engine.Gates.Load;

/// <summary>The parameters of the latency-under-load gate, with their defaults and ranges (<see cref="GateParameterAttribute"/>).</summary>
public sealed record LatencyUnderLoadOptions
{
    /// <summary>Arrival rate of the steady step, requests per second; default 200.</summary>
    [GateParameter("arrival rate of the steady step, requests per second", Min = 1, Max = 50_000)]
    public int Rate { get; init; } = 200;

    /// <summary>Seconds of the ramp from 0 to the rate; default 2.</summary>
    [GateParameter("seconds of the ramp from 0 to the rate", Min = 0, Max = 600)]
    public int RampSeconds { get; init; } = 2;

    /// <summary>Seconds of the steady step; default 6.</summary>
    [GateParameter("seconds of the steady step", Min = 1, Max = 3_600)]
    public int SteadySeconds { get; init; } = 6;

    /// <summary>Seconds of warm-up at half the rate, left out; default 1.</summary>
    [GateParameter("seconds of warm-up at half the rate, left out", Min = 0, Max = 600)]
    public int WarmupSeconds { get; init; } = 1;

    /// <summary>The percentile judged; default p99.</summary>
    [GateParameter("the percentile judged", Choices = ["p50", "p95", "p99"])]
    public string Quantile { get; init; } = "p99";

    /// <summary>Answers needed to judge; default 500.</summary>
    [GateParameter("answers needed to judge", Min = 1, Max = 10_000_000)]
    public int MinSamples { get; init; } = 500;
}
