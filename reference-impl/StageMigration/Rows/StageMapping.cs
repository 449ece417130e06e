using StageContract.Normalization;

namespace StageMigration.Rows;

/// <summary>One distinct stored stage value and what it becomes.</summary>
/// <param name="Raw">The stored value (null for SQL NULL).</param>
/// <param name="Canonical">Its canonical stage, or null when Unknown.</param>
/// <param name="Kind">Canonical, alias or unknown.</param>
public sealed record StageMapping(string? Raw, string? Canonical, StageKind Kind);
