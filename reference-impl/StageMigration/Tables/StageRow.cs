namespace StageMigration.Tables;

/// <summary>One row as the migration sees it: id and stage column, both as text.</summary>
public readonly record struct StageRow(string Id, string? Value);
