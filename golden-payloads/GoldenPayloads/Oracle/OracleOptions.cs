namespace GoldenPayloads.Oracle;

/// <summary>What the oracle knows about the target's data beyond the contract.</summary>
public sealed record OracleOptions
{
    /// <summary>Funds that exist; any other is a 404 problem. Default 1, 2 and 3 (the demo data of contract section 6).</summary>
    public IReadOnlySet<long> KnownFundIds { get; init; } = new HashSet<long> { 1, 2, 3 };

    /// <summary>The defaults.</summary>
    public static OracleOptions Default { get; } = new();
}
