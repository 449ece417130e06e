using Harness.Engine.Gates.Kinds;

namespace Harness.Engine.Gates.DecisionTable;

/// <summary>The parameters of the decision-table gate, with their defaults and ranges (<see cref="GateParameterAttribute"/>).</summary>
public sealed record DecisionTableOptions
{
    /// <summary>Generated requests to send; default 300.</summary>
    [GateParameter("generated requests to send", Min = 1, Max = 100_000)]
    public int Requests { get; init; } = 300;

    /// <summary>Answers needed to judge; default 100.</summary>
    [GateParameter("answers needed to judge", Min = 0, Max = 100_000)]
    public int MinSamples { get; init; } = 100;

    /// <summary>Which endpoints: all, writes or reads; default all.</summary>
    [GateParameter("which endpoints", Choices = ["all", "writes", "reads"])]
    public string Select { get; init; } = "all";

    /// <summary>mixed stages, or every request with an unknown stage; default mixed.</summary>
    [GateParameter("mixed stages, or every request with an unknown stage", Choices = ["mixed", "unknown"])]
    public string Traffic { get; init; } = "mixed";

    /// <summary>Fund of the requests; default 1.</summary>
    [GateParameter("fund of the requests", Min = 0, Max = int.MaxValue)]
    public int FundId { get; init; } = 1;

    /// <summary>Company of allocation items; default 1.</summary>
    [GateParameter("company of allocation items", Min = 0, Max = int.MaxValue)]
    public int CompanyId { get; init; } = 1;
}
