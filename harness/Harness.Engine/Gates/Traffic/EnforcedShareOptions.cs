using Harness.Engine.Gates.Kinds;

namespace Harness.Engine.Gates.Traffic;

/// <summary>The parameters of the enforced-share gate, with their defaults and ranges (<see cref="GateParameterAttribute"/>).</summary>
public sealed record EnforcedShareOptions
{
    /// <summary>Fresh request ids to send; default 2,000.</summary>
    [GateParameter("fresh request ids to send", Min = 50, Max = 1_000_000)]
    public int Requests { get; init; } = 2_000;

    /// <summary>Requests in flight at once; default 8.</summary>
    [GateParameter("requests in flight at once", Min = 1, Max = 256)]
    public int Concurrency { get; init; } = 8;

    /// <summary>Confidence of the binomial interval; default 0.999.</summary>
    [GateParameter("confidence of the binomial interval", Choices = ["0.95", "0.99", "0.999"])]
    public double Confidence { get; init; } = 0.999;

    /// <summary>Fund of the canonical reads; default 1.</summary>
    [GateParameter("fund of the canonical reads", Min = 1, Max = int.MaxValue)]
    public int FundId { get; init; } = 1;

    /// <summary>Answers needed to judge; default 1,000.</summary>
    [GateParameter("answers needed to judge", Min = 1, Max = 1_000_000)]
    public int MinSamples { get; init; } = 1_000;

    /// <summary>The normal quantile of <see cref="Confidence"/>.</summary>
    public double Z => Statistics.Proportions.Z(Confidence)!.Value;
}
