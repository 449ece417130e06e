namespace ReferenceImpl.Api.Funds;

/// <summary>The demo funds the service starts with (in memory), so every endpoint answers out of the box; also the seed of an empty database.</summary>
public sealed class FundCatalog : IFundDirectory
{
    private readonly Dictionary<long, Fund> _funds;
    private readonly ILookup<long, (long FundId, Company Company)> _companies;

    public FundCatalog(IEnumerable<Fund> funds, IEnumerable<(long FundId, Company Company)> companies)
    {
        _funds = funds.ToDictionary(f => f.Id);
        _companies = companies.ToLookup(c => c.FundId);
    }

    /// <summary>Funds 1, 2 and 3.</summary>
    public static IReadOnlyList<Fund> DemoFunds { get; } =
    [
        new Fund(1, "Fund I", 100_000_000m, 0.40m),
        new Fund(2, "Fund II", 50_000_000m, 0.30m),
        new Fund(3, "Fund III", 250_000_000m, 0.50m),
    ];

    /// <summary>Their companies, at every stage.</summary>
    public static IReadOnlyList<(long FundId, Company Company)> DemoCompanies { get; } =
    [
        (1, new(101, "Acme Robotics", "pre-seed")), (1, new(102, "Blue Lantern", "seed")), (1, new(103, "Copperleaf", "seed")),
        (1, new(104, "Driftwood AI", "series-a")), (1, new(105, "Emberline", "series-a")), (1, new(106, "Foxglove Bio", "series-b")),
        (1, new(107, "Granite Pay", "series-c")), (1, new(108, "Harbor Grid", "series-c+")),
        (2, new(201, "Ivy Systems", "pre-seed")), (2, new(202, "Juniper Labs", "pre-seed")), (2, new(203, "Kestrel Health", "seed")),
        (2, new(204, "Lumen Freight", "series-a")), (2, new(205, "Marble Security", "series-b")),
        (3, new(301, "Northwind Energy", "series-b")), (3, new(302, "Orchid Commerce", "series-c")), (3, new(303, "Pinecone Data", "series-c")),
        (3, new(304, "Quartz Mobility", "series-c+")), (3, new(305, "Redwood Insurance", "series-c+")), (3, new(306, "Sable Media", "seed")),
    ];

    /// <summary>The demo catalog.</summary>
    public static FundCatalog Demo() => new(DemoFunds, DemoCompanies);

    /// <summary>The fund, or null when it does not exist.</summary>
    public Fund? Find(long id) => _funds.GetValueOrDefault(id);

    public Task<Fund?> FindAsync(long id, CancellationToken cancellationToken) => Task.FromResult(Find(id));

    public Task<IReadOnlyList<Company>?> CompaniesAsync(long fundId, IReadOnlyCollection<string>? stages, CancellationToken cancellationToken)
    {
        if (!_funds.ContainsKey(fundId))
        {
            return Task.FromResult<IReadOnlyList<Company>?>(null);
        }

        IReadOnlyList<Company> companies = [.. _companies[fundId].Select(c => c.Company)
            .Where(c => stages is null || (c.Stage is not null && stages.Contains(c.Stage)))
            .OrderBy(c => c.Id)];
        return Task.FromResult<IReadOnlyList<Company>?>(companies);
    }
}
