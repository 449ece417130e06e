using Harness.Engine.Gates.Kinds;

namespace Harness.Engine.Gates.Latency;

/// <summary>The parameters of the validator-latency gate, with their defaults and ranges (<see cref="GateParameterAttribute"/>).</summary>
public sealed record ValidatorLatencyOptions
{
    /// <summary>Generated requests to send; default 3,000 (a p99 over 3,000 validations is not moved by the odd thread preempted mid-validation on a busy machine).</summary>
    [GateParameter("generated requests to send", Min = 1, Max = 200_000)]
    public int Requests { get; init; } = 3_000;

    /// <summary>Requests in flight at once; default 4.</summary>
    [GateParameter("requests in flight at once", Min = 1, Max = 256)]
    public int Concurrency { get; init; } = 4;

    /// <summary>Validations needed to judge; default 200.</summary>
    [GateParameter("validations needed to judge", Min = 1, Max = 1_000_000)]
    public int MinSamples { get; init; } = 200;

    /// <summary>The percentile judged; default p99.</summary>
    [GateParameter("the percentile judged", Choices = ["p50", "p90", "p95", "p99"])]
    public string Quantile { get; init; } = "p99";
}
