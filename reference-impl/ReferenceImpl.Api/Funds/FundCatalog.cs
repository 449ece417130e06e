namespace ReferenceImpl.Api.Funds;

/// <summary>The demo funds the service starts with, so every endpoint answers out of the box.</summary>
public sealed class FundCatalog
{
    private readonly Dictionary<long, Fund> _funds;

    public FundCatalog(IEnumerable<Fund> funds) => _funds = funds.ToDictionary(f => f.Id);

    /// <summary>Funds 1, 2 and 3 with companies at every stage.</summary>
    public static FundCatalog Demo() => new(
    [
        new Fund(1, "Fund I", 100_000_000m, 0.40m,
        [
            new(101, "Acme Robotics", "pre-seed"), new(102, "Blue Lantern", "seed"), new(103, "Copperleaf", "seed"),
            new(104, "Driftwood AI", "series-a"), new(105, "Emberline", "series-a"), new(106, "Foxglove Bio", "series-b"),
            new(107, "Granite Pay", "series-c"), new(108, "Harbor Grid", "series-c+"),
        ]),
        new Fund(2, "Fund II", 50_000_000m, 0.30m,
        [
            new(201, "Ivy Systems", "pre-seed"), new(202, "Juniper Labs", "pre-seed"), new(203, "Kestrel Health", "seed"),
            new(204, "Lumen Freight", "series-a"), new(205, "Marble Security", "series-b"),
        ]),
        new Fund(3, "Fund III", 250_000_000m, 0.50m,
        [
            new(301, "Northwind Energy", "series-b"), new(302, "Orchid Commerce", "series-c"), new(303, "Pinecone Data", "series-c"),
            new(304, "Quartz Mobility", "series-c+"), new(305, "Redwood Insurance", "series-c+"), new(306, "Sable Media", "seed"),
        ]),
    ]);

    /// <summary>The fund, or null when it does not exist.</summary>
    public Fund? Find(long id) => _funds.GetValueOrDefault(id);
}
