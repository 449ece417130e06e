namespace StageMigration.Planning;

/// <summary>The plan for one table.</summary>
/// <param name="Table">Table name.</param>
/// <param name="Rows">Rows scanned.</param>
/// <param name="WouldChange">Rows the apply would write.</param>
/// <param name="Unmappable">Rows that keep an Unknown stage (listed in the mapping).</param>
/// <param name="Invalid">Distributions that cannot be migrated (not an object, bad weights), left unchanged.</param>
/// <param name="Rescaled">Distributions whose weights would be rescaled to sum to 1.</param>
/// <param name="Merged">Distributions with entries that would be merged.</param>
/// <param name="WouldChangeByStage">Rows that would change, by the canonical stage they get (companies) or gain as a key (strategies).</param>
public sealed record TablePlan(string Table, long Rows, long WouldChange, long Unmappable, long Invalid, long Rescaled, long Merged, IReadOnlyDictionary<string, long> WouldChangeByStage);
