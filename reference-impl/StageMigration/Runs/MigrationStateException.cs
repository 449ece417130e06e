namespace StageMigration.Runs;

/// <summary>Thrown when the migration state forbids the command (exit code 7).</summary>
public sealed class MigrationStateException(string message) : Exception(message);
