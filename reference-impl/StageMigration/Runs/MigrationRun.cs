namespace StageMigration.Runs;

/// <summary>A row of <c>stage_migration_runs</c>.</summary>
public sealed record MigrationRun(long RunId, string Status, int BatchSize, int SleepMs, string MappingSha256, long CompaniesRowsBefore, long StrategiesRowsBefore);
