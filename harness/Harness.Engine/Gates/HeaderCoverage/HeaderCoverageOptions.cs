using Harness.Engine.Gates.Kinds;

namespace Harness.Engine.Gates.HeaderCoverage;

/// <summary>The parameters of the header-coverage gate, with their defaults and ranges (<see cref="GateParameterAttribute"/>).</summary>
public sealed record HeaderCoverageOptions
{
    /// <summary>Generated requests with an unknown stage to send; default 200.</summary>
    [GateParameter("generated requests with an unknown stage to send", Min = 1, Max = 100_000)]
    public int Requests { get; init; } = 200;

    /// <summary>Eligible responses needed to judge; default 50.</summary>
    [GateParameter("eligible responses needed to judge", Min = 0, Max = 100_000)]
    public int MinSamples { get; init; } = 50;

    /// <summary>Which set: the deprecation set (warn and shadow), or the would-reject pair (shadow); default deprecation.</summary>
    [GateParameter("which set: the deprecation set (warn and shadow) or the would-reject pair (shadow)", Choices = ["deprecation", "would-reject"])]
    public string Set { get; init; } = "deprecation";

    /// <summary>Fund of the requests; default 1.</summary>
    [GateParameter("fund of the requests", Min = 0, Max = int.MaxValue)]
    public int FundId { get; init; } = 1;

    /// <summary>Company of allocation items; default 1.</summary>
    [GateParameter("company of allocation items", Min = 0, Max = int.MaxValue)]
    public int CompanyId { get; init; } = 1;
}
