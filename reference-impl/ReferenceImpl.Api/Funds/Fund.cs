namespace ReferenceImpl.Api.Funds;

/// <summary>A fund of the demo data.</summary>
public sealed record Fund(long Id, string Name, decimal Size, decimal ReserveRatio, IReadOnlyList<Company> Companies)
{
    /// <summary>The most the fund may hold in reserve allocations: size x reserve ratio.</summary>
    public decimal ReserveCapacity => Size * ReserveRatio;
}

/// <summary>A portfolio company; its stage is canonical.</summary>
public sealed record Company(long Id, string Name, string Stage);
