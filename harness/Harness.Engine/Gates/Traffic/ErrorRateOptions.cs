using Harness.Engine.Gates.Kinds;

namespace Harness.Engine.Gates.Traffic;

/// <summary>The parameters of the error-rate gate, with their defaults and ranges (<see cref="GateParameterAttribute"/>).</summary>
public sealed record ErrorRateOptions
{
    /// <summary>Generated requests to send; default 0: enough for zero errors to pass the threshold (at least 1,000, at most 20,000).</summary>
    [GateParameter("generated requests to send; 0: enough for zero errors to pass the threshold (1,000-20,000)", Min = 0, Max = 200_000)]
    public int Requests { get; init; }

    /// <summary>Requests in flight at once; default 8.</summary>
    [GateParameter("requests in flight at once", Min = 1, Max = 256)]
    public int Concurrency { get; init; } = 8;

    /// <summary>Confidence of the Wilson interval; default 0.95.</summary>
    [GateParameter("confidence of the Wilson interval", Choices = ["0.95", "0.99", "0.999"])]
    public double Confidence { get; init; } = 0.95;

    /// <summary>The normal quantile of <see cref="Confidence"/>.</summary>
    public double Z => Statistics.Proportions.Z(Confidence)!.Value;
}
