namespace StageMigration.Statistics;

/// <summary>Stage counts of one fund's companies and a few of its strategy ids, for smoke tests of the endpoints on migrated data.</summary>
public sealed record FundStats(long FundId, IReadOnlyDictionary<string, long> CompaniesByStage, IReadOnlyList<string> StrategyIds);
