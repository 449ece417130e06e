namespace StageMigration.Verbs;

/// <summary>Bad usage found after parsing (no or a malformed connection string): exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
