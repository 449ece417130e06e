using Harness.Engine.Gates.Kinds;

namespace Harness.Engine.Gates.BoundedLabels;

/// <summary>The parameters of the bounded-labels gate, with their defaults and ranges (<see cref="GateParameterAttribute"/>).</summary>
public sealed record BoundedLabelsOptions
{
    /// <summary>{family: [labels]} replacing the contract's entries; default none.</summary>
    [GateParameter("{family: [labels]} replacing the contract's entries")]
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? Metrics { get; init; }

    /// <summary>{label: [values]}: a closed set for that label, replacing its rule; default none.</summary>
    [GateParameter("{label: [values]}: a closed set for that label, replacing its rule")]
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? AllowedValues { get; init; }

    /// <summary>Contract-metric series needed to judge; default 1.</summary>
    [GateParameter("contract-metric series needed to judge", Min = 0, Max = 1_000_000)]
    public int MinSeries { get; init; } = 1;

    /// <summary>Requests per round of the boundedness test; default 200.</summary>
    [GateParameter("requests per round of the boundedness test", Min = 20, Max = 10_000)]
    public int Requests { get; init; } = 200;

    /// <summary>Values a family outside the contract may gain by chance in round two; default 2.</summary>
    [GateParameter("values a family outside the contract may gain by chance in round two", Min = 0, Max = 1_000)]
    public int OtherFamilyGrowth { get; init; } = 2;

    /// <summary>Fund of the requests; default 1.</summary>
    [GateParameter("fund of the requests", Min = 0, Max = int.MaxValue)]
    public int FundId { get; init; } = 1;

    /// <summary>Company of allocation items; default 1.</summary>
    [GateParameter("company of allocation items", Min = 0, Max = int.MaxValue)]
    public int CompanyId { get; init; } = 1;
}
