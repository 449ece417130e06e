namespace StageMigration.Snapshots;

/// <summary>The snapshot's bytes do not match its sidecar (exit code 5); nothing was restored.</summary>
public sealed class SnapshotChecksumException(string message) : Exception(message);
