using StageMigration.Rows;

namespace StageMigration.Apply;

/// <summary>
/// The rule's answer for every distinct company stage seen so far, shipped to the server as arrays:
/// the stored values are few (a few hundred spellings), so the rule runs once per value instead of
/// once per row. Filled lazily: a batch that meets a value not in the map adds it and runs again.
/// </summary>
internal sealed class StageMap(RowNormalizer normalizer)
{
    private readonly List<string> _known = [];
    private readonly List<string?> _canonical = [];
    private readonly List<bool> _unmappable = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    /// <summary>Every value seen, in the order seen.</summary>
    public string[] Known => [.. _known];

    /// <summary>What each value of <see cref="Known"/> becomes, or null when it stays.</summary>
    public string?[] Canonical => [.. _canonical];

    /// <summary>Whether each value of <see cref="Known"/> is kept as unmappable.</summary>
    public bool[] Unmappable => [.. _unmappable];

    /// <summary>Whether a NULL stage counts as unmappable (a NULL never changes: it cannot be joined on).</summary>
    public bool NullUnmappable { get; } = Null(normalizer);

    /// <summary>Evaluates values not seen yet.</summary>
    public void Add(IEnumerable<string> values)
    {
        foreach (var value in values)
        {
            if (_seen.Add(value))
            {
                var outcome = normalizer.Company(value);
                _known.Add(value);
                _canonical.Add(outcome.NewValue);
                _unmappable.Add(outcome.IsUnmappable);
            }
        }
    }

    private static bool Null(RowNormalizer normalizer)
    {
        var outcome = normalizer.Company(null);
        return outcome.Changes
            ? throw new InvalidOperationException("the rule changes a NULL stage; the set-based writer joins on the stored value and cannot")
            : outcome.IsUnmappable;
    }
}
