namespace StageMigration.Apply;

/// <summary>What <c>apply</c> or <c>resume</c> did.</summary>
public sealed record ApplyResult(long RunId, bool Resumed, string Status, IReadOnlyList<TableApplyResult> Tables, double Seconds, string? Error)
{
    /// <summary>Rows changed by this process, all tables.</summary>
    public long RowsChanged => Tables.Sum(t => t.RowsChanged);
}
