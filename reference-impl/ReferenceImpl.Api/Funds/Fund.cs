namespace ReferenceImpl.Api.Funds;

/// <summary>A fund.</summary>
public sealed record Fund(long Id, string Name, decimal Size, decimal ReserveRatio)
{
    /// <summary>The most the fund may hold in reserve allocations: size x reserve ratio.</summary>
    public decimal ReserveCapacity => Size * ReserveRatio;
}
