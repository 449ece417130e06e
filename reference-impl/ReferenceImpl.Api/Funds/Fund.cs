namespace ReferenceImpl.Api.Funds;

/// <summary>A fund.</summary>
public sealed record Fund(long Id, string Name, decimal Size, decimal ReserveRatio)
{
    /// <summary>The most the fund may hold in reserve allocations: size x reserve ratio.</summary>
    public decimal ReserveCapacity => Size * ReserveRatio;
}

/// <summary>A portfolio company. Its stage is what is stored: canonical for everything written through the API, possibly legacy (an alias, an unknown value, null) until the migration has run.</summary>
public sealed record Company(long Id, string Name, string? Stage);
