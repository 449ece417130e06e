namespace StageMigration.Rollback;

/// <summary>What <c>rollback</c> did.</summary>
/// <param name="RunId">The newest run rolled back.</param>
/// <param name="RowsRestored">Rows set back to their audited before-value.</param>
/// <param name="Conflicts">Rows changed after the migration (their value is no longer the audited after-value); left as they are.</param>
/// <param name="ConflictRows">Up to 20 conflicting rows (table:id).</param>
/// <param name="Seconds">Duration.</param>
public sealed record RollbackResult(long RunId, long RowsRestored, long Conflicts, IReadOnlyList<string> ConflictRows, double Seconds);
