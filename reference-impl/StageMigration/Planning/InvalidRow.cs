namespace StageMigration.Planning;

/// <summary>A row the migration cannot migrate, with why (first 100 listed).</summary>
public sealed record InvalidRow(string Table, string Id, string Reason);
