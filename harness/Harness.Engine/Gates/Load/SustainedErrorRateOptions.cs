using Harness.Engine.Gates.Kinds;

namespace Harness.Engine.Gates.Load;

/// <summary>The parameters of the sustained-error-rate gate, with their defaults and ranges (<see cref="GateParameterAttribute"/>).</summary>
public sealed record SustainedErrorRateOptions
{
    /// <summary>Arrival rate of the steady step, requests per second; default 300.</summary>
    [GateParameter("arrival rate of the steady step, requests per second", Min = 1, Max = 50_000)]
    public int Rate { get; init; } = 300;

    /// <summary>Seconds of the steady step (after a 2 s ramp and 1 s warm-up); default 15.</summary>
    [GateParameter("seconds of the steady step (after a 2 s ramp)", Min = 1, Max = 3_600)]
    public int SteadySeconds { get; init; } = 15;

    /// <summary>Confidence of the Wilson interval; default 0.95.</summary>
    [GateParameter("confidence of the Wilson interval", Choices = ["0.95", "0.99", "0.999"])]
    public double Confidence { get; init; } = 0.95;

    /// <summary>The normal quantile of <see cref="Confidence"/>.</summary>
    public double Z => Statistics.Proportions.Z(Confidence)!.Value;
}
