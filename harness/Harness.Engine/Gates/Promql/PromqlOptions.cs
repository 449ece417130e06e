using Harness.Engine.Gates.Kinds;

namespace Harness.Engine.Gates.Promql;

/// <summary>The parameters of the promql gate, with their defaults and ranges (<see cref="GateParameterAttribute"/>).</summary>
public sealed record PromqlOptions
{
    /// <summary>The expression; <c>$job</c> stands for the target's job label value. Required.</summary>
    [GateParameter("the PromQL expression; $job stands for the target's job label value")]
    public string Expr { get; init; } = "";

    /// <summary>Seconds every evaluation must meet the threshold ("sustained"); 0: one instant query; default 10.</summary>
    [GateParameter("seconds every evaluation in a row must meet the threshold (0: one instant query)", Min = 0, Max = 86_400)]
    public double Window { get; init; } = 10;

    /// <summary>Requests a second of generated phase traffic the gate sends while it judges; 0: none (judge the target's own traffic); default 40.</summary>
    [GateParameter("requests a second of generated phase traffic sent while judging (0: none, judge the target's own traffic)", Min = 0, Max = 2_000)]
    public double Rate { get; init; } = 40;

    /// <summary>Share of that traffic with an unknown stage; default 0.</summary>
    [GateParameter("share of the generated traffic with an unknown stage", Min = 0, Max = 1)]
    public double UnknownShare { get; init; }

    /// <summary>The harness measure the expression must agree with over the gate's own traffic; default none.</summary>
    [GateParameter("the harness's own measure of the gate's traffic that Prometheus's counts must agree with", Choices = ["none", "unknown-ratio", "would-reject-ratio", "reject-ratio"])]
    public string AgreeWith { get; init; } = "none";

    /// <summary>Largest difference allowed between the two, as a ratio; default 0.005 (half a percentage point).</summary>
    [GateParameter("largest difference allowed between Prometheus's count and the harness's, as a ratio", Min = 0, Max = 1)]
    public double Tolerance { get; init; } = 0.005;
}
