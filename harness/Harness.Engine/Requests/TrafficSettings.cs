namespace Harness.Engine.Requests;

/// <summary>The demo data generated requests refer to.</summary>
public sealed record TrafficSettings
{
    /// <summary>Fund used in every body and query; default 1 (the reference service's demo fund).</summary>
    public int FundId { get; init; } = 1;

    /// <summary>Company id used in allocation items; default 1.</summary>
    public int CompanyId { get; init; } = 1;

    /// <summary>Amount of each allocation item; default 1000 (far below any demo fund's reserve).</summary>
    public int Amount { get; init; } = 1000;

    /// <summary>Monte Carlo runs per simulation; default 50 (small: the gates test behaviour, not the simulation).</summary>
    public int Runs { get; init; } = 50;

    /// <summary>The defaults.</summary>
    public static TrafficSettings Default { get; } = new();
}
