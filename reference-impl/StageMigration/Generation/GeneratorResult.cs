namespace StageMigration.Generation;

/// <summary>What was generated.</summary>
public sealed record GeneratorResult(int Funds, long Companies, long Strategies, long FirstCompanyId, double Seconds);
