namespace StageMigration.Planning;

/// <summary>One distinct stored stage value in the plan.</summary>
/// <param name="Raw">The stored value (null: SQL NULL).</param>
/// <param name="Canonical">What it becomes; null when it is unmappable.</param>
/// <param name="Kind">canonical, alias or unknown.</param>
/// <param name="Companies">Companies whose stage is this value.</param>
/// <param name="DistributionKeys">Strategy distributions with this value as a key.</param>
public sealed record PlannedMapping(string? Raw, string? Canonical, string Kind, long Companies, long DistributionKeys);
