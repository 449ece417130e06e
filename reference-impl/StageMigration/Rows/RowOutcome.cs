namespace StageMigration.Rows;

/// <summary>What the migration does to one stored value.</summary>
/// <param name="NewValue">The value to write, or null when the row stays as it is.</param>
/// <param name="Unmappable">Stored stage values that are Unknown and are kept verbatim (listed, never guessed).</param>
/// <param name="InvalidReason">Why a distribution cannot be migrated at all (it is then left unchanged), or null.</param>
public sealed record RowOutcome(string? NewValue, IReadOnlyList<string?> Unmappable, string? InvalidReason)
{
    /// <summary>True when the migration writes this row.</summary>
    public bool Changes => NewValue is not null;

    /// <summary>True when the row keeps a value that is not canonical (unknown stage or invalid distribution).</summary>
    public bool IsUnmappable => Unmappable.Count > 0 || InvalidReason is not null;

    internal static RowOutcome Unchanged { get; } = new(null, [], null);
}
