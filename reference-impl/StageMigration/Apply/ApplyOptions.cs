namespace StageMigration.Apply;

/// <summary>Options of <c>apply</c> and <c>resume</c>.</summary>
public sealed record ApplyOptions(int BatchSize = 5000, int SleepMs = 0);
