namespace ReferenceImpl.Api.Hosting;

/// <summary>Route templates of the four stage endpoints (contract section 6), the values of the <c>endpoint</c> label.</summary>
public static class StageRoutes
{
    public const string MonteCarlo = "/api/monte-carlo/simulate";
    public const string Strategies = "/api/portfolio/strategies";
    public const string Strategy = "/api/portfolio/strategies/{id}";
    public const string Allocations = "/api/allocations";
    public const string Allocation = "/api/allocations/{id}";
    public const string Companies = "/api/funds/{fundId}/companies";

    /// <summary>Every stage route template.</summary>
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        MonteCarlo, Strategies, Strategy, Allocations, Allocation, Companies,
    };
}
