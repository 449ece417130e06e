namespace StageMigration.Tables;

/// <summary>The tables the migration normalizes, with their stage column and id type.</summary>
public sealed record MigratedTable(string Name, string Column, bool NumericId)
{
    /// <summary><c>portfolio_companies.stage</c>, a scalar stage; bigint ids.</summary>
    public static MigratedTable Companies { get; } = new("portfolio_companies", "stage", NumericId: true);

    /// <summary><c>portfolio_strategies.stage_distribution</c>, a jsonb distribution; text ids.</summary>
    public static MigratedTable Strategies { get; } = new("portfolio_strategies", "stage_distribution", NumericId: false);

    /// <summary>Both, in migration order.</summary>
    public static IReadOnlyList<MigratedTable> All { get; } = [Companies, Strategies];
}
