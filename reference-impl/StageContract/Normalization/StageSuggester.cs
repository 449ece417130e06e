namespace StageContract.Normalization;

/// <summary>
/// Suggestions for error bodies, never for acceptance: the canonical stage whose alias key is
/// nearest to the folded input by edit distance, if that distance is at most the contract's limit.
/// When keys of different stages tie for nearest there is no single nearest stage, and no
/// suggestion is made: <c>seriesc</c> is one edit from series-a, series-b, series-c and series-c+
/// keys, and naming any one of them would mislead.
/// </summary>
public sealed class StageSuggester
{
    private readonly IReadOnlyList<(string Key, string Stage)> _keys;
    private readonly int _maxDistance;

    /// <summary>Creates a suggester over the normalizer's alias keys.</summary>
    public StageSuggester(StageNormalizer normalizer, int maxDistance)
    {
        ArgumentNullException.ThrowIfNull(normalizer);
        _keys = normalizer.AliasKeys;
        _maxDistance = maxDistance;
    }

    /// <summary>The suggested canonical stage, or null when none is near enough or stages tie for nearest.</summary>
    public string? Suggest(RawStage raw) => Nearest(raw) is [var only] ? only : null;

    /// <summary>
    /// Every canonical stage with an alias key at the smallest edit distance from the folded input,
    /// if that distance is within the limit; empty otherwise. More than one stage is a tie: the
    /// contract does not say which of them is "the nearest".
    /// </summary>
    public IReadOnlyList<string> Nearest(RawStage raw)
    {
        if (!raw.IsString || raw.Value is null)
        {
            return [];
        }

        var folded = StageNormalizer.Fold(raw.Value);
        if (folded is null)
        {
            return [];
        }

        var nearest = new List<string>();
        var bestDistance = int.MaxValue;
        foreach (var (key, stage) in _keys)
        {
            if (Math.Abs(key.Length - folded.Length) > _maxDistance)
            {
                continue;
            }

            var distance = EditDistance(folded, key);
            if (distance > _maxDistance || distance > bestDistance)
            {
                continue;
            }

            if (distance < bestDistance)
            {
                nearest.Clear();
                bestDistance = distance;
            }

            if (!nearest.Contains(stage, StringComparer.Ordinal))
            {
                nearest.Add(stage);
            }
        }

        return nearest;
    }

    /// <summary>Levenshtein distance (insert, delete, substitute; each costs 1).</summary>
    public static int EditDistance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
