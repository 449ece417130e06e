namespace StageMigration.Planning;

/// <summary>The dry-run report of <c>plan</c>.</summary>
public sealed record MigrationPlan(string MappingSha256, IReadOnlyList<TablePlan> Tables, IReadOnlyList<PlannedMapping> Mapping, IReadOnlyList<PlannedMapping> UnmappableValues, IReadOnlyList<InvalidRow> InvalidRows)
{
    /// <summary>Rows the apply would write, all tables.</summary>
    public long WouldChange => Tables.Sum(t => t.WouldChange);
}
