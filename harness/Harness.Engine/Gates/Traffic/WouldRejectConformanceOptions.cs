using Harness.Engine.Gates.Kinds;

namespace Harness.Engine.Gates.Traffic;

/// <summary>The parameters of the would-reject-conformance gate, with their defaults and ranges (<see cref="GateParameterAttribute"/>).</summary>
public sealed record WouldRejectConformanceOptions
{
    /// <summary>Generated requests to send; default 2,000.</summary>
    [GateParameter("generated requests to send", Min = 100, Max = 1_000_000)]
    public int Requests { get; init; } = 2_000;

    /// <summary>Requests in flight at once; default 8.</summary>
    [GateParameter("requests in flight at once", Min = 1, Max = 256)]
    public int Concurrency { get; init; } = 8;

    /// <summary>Confidence of the Wilson interval; default 0.999.</summary>
    [GateParameter("confidence of the Wilson interval", Choices = ["0.95", "0.99", "0.999"])]
    public double Confidence { get; init; } = 0.999;

    /// <summary>Answers needed to judge; default 1,000.</summary>
    [GateParameter("answers needed to judge", Min = 1, Max = 1_000_000)]
    public int MinSamples { get; init; } = 1_000;

    /// <summary>The normal quantile of <see cref="Confidence"/>.</summary>
    public double Z => Statistics.Proportions.Z(Confidence)!.Value;
}
