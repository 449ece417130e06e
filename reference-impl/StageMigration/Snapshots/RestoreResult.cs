namespace StageMigration.Snapshots;

/// <summary>What <c>restore</c> did.</summary>
public sealed record RestoreResult(string File, string Database, bool Created, string Sha256, double Seconds);
