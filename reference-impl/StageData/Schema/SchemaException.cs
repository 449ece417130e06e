namespace StageData.Schema;

/// <summary>The database schema cannot be brought up to date.</summary>
public sealed class SchemaException(string message) : Exception(message);
