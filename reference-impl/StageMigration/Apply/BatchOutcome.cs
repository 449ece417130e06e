namespace StageMigration.Apply;

/// <summary>What one batch did: rows read, changed and left unmappable, and the last id read (the next batch starts after it).</summary>
internal readonly record struct BatchOutcome(int RowsRead, int RowsChanged, int RowsUnmappable, string? LastId);
