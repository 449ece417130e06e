namespace StageMigration.Planning;

/// <summary>
/// How often each distinct stored stage value occurs, as a company's stage and as a distribution
/// key; SQL NULL is a value of its own. <c>plan</c> lists every value, <c>verify</c> the unmappable ones.
/// </summary>
internal sealed class StageValueTally
{
    private const string NullKey = "\0null";
    private readonly Dictionary<string, (string? Raw, long Companies, long Keys)> _counts = new(StringComparer.Ordinal);

    /// <summary>Distinct values counted.</summary>
    public int Count => _counts.Count;

    /// <summary>Each distinct value with its counts, in the order first seen.</summary>
    public IEnumerable<(string? Raw, long Companies, long Keys)> Values => _counts.Values;

    /// <summary>Counts <paramref name="raw"/> once, as a company's stage or as a distribution key.</summary>
    public void Add(string? raw, bool company)
    {
        var key = raw ?? NullKey;
        var current = _counts.GetValueOrDefault(key, (raw, 0, 0));
        _counts[key] = company ? (raw, current.Companies + 1, current.Keys) : (raw, current.Companies, current.Keys + 1);
    }
}
