using Harness.Engine.Gates.Kinds;

namespace Harness.Engine.Gates.Configuration;

/// <summary>The parameters of the configuration-conformance gate, with their defaults and ranges (<see cref="GateParameterAttribute"/>).</summary>
public sealed record ConfigurationConformanceOptions
{
    /// <summary>Also hold the self-reported sunset and docs URL to the ones the target sends; default true.</summary>
    [GateParameter("also hold the self-reported sunset and docs URL to the ones the target sends")]
    public bool CheckContractData { get; init; } = true;

    /// <summary>Fund of the probes; default 1.</summary>
    [GateParameter("fund of the probes", Min = 0, Max = int.MaxValue)]
    public int FundId { get; init; } = 1;

    /// <summary>Company of the allocation probes; default 1.</summary>
    [GateParameter("company of the allocation probes", Min = 0, Max = int.MaxValue)]
    public int CompanyId { get; init; } = 1;
}
