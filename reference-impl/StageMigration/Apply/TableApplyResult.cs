namespace StageMigration.Apply;

/// <summary>What one table's pass did in this process.</summary>
public sealed record TableApplyResult(string Table, int Batches, long RowsRead, long RowsChanged, long RowsUnmappable, string? LastId);
