namespace StageMigration.Snapshots;

/// <summary>pg_dump or pg_restore is missing or failed (exit code 8).</summary>
public sealed class ExternalToolException(string message) : Exception(message);
