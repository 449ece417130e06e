namespace ReferenceImpl.Api.Funds;

/// <summary>Funds and their portfolio companies: the demo catalog in memory (<see cref="FundCatalog"/>), or <c>funds</c> / <c>portfolio_companies</c> in Postgres (<see cref="PostgresFundDirectory"/>).</summary>
public interface IFundDirectory
{
    /// <summary>The fund, or null when it does not exist.</summary>
    Task<Fund?> FindAsync(long id, CancellationToken cancellationToken);

    /// <summary>The fund's companies whose stored stage is one of <paramref name="stages"/> (every company when null), by id; null when the fund does not exist.</summary>
    Task<IReadOnlyList<Company>?> CompaniesAsync(long fundId, IReadOnlyCollection<string>? stages, CancellationToken cancellationToken);
}
