namespace StageMigration.Snapshots;

/// <summary>What <c>snapshot</c> wrote.</summary>
public sealed record SnapshotResult(string File, long Bytes, string Sha256, string SidecarFile, double Seconds);
