namespace Harness.Engine.Audit;

/// <summary>
/// The most frequent values of a stream in bounded memory: the Space-Saving algorithm (Metwally,
/// Agrawal, El Abbadi 2005) with <see cref="Capacity"/> counters. A value seen more often than
/// 1/<see cref="Capacity"/> of the stream is always held; a held count may be too high by at most
/// its <see cref="ValueCount.Error"/>, never too low.
/// </summary>
public sealed class TopValues(int capacity)
{
    private readonly Dictionary<string, (long Count, long Error)> _counters = new(StringComparer.Ordinal);

    /// <summary>The number of counters.</summary>
    public int Capacity { get; } = capacity;

    /// <summary>Values counted in all.</summary>
    public long Total { get; private set; }

    /// <summary>Counts one occurrence of <paramref name="value"/>.</summary>
    public void Add(string value)
    {
        Total++;
        if (_counters.TryGetValue(value, out var counter))
        {
            _counters[value] = (counter.Count + 1, counter.Error);
            return;
        }

        if (_counters.Count < Capacity)
        {
            _counters[value] = (1, 0);
            return;
        }

        var least = _counters.MinBy(c => c.Value.Count);
        _counters.Remove(least.Key);
        _counters[value] = (least.Value.Count + 1, least.Value.Count);
    }

    /// <summary>The <paramref name="count"/> highest counters, highest first (ties by value, ordinal).</summary>
    public IReadOnlyList<ValueCount> Top(int count) =>
        [.. _counters.OrderByDescending(c => c.Value.Count).ThenBy(c => c.Key, StringComparer.Ordinal).Take(count)
            .Select(c => new ValueCount(c.Key, c.Value.Count, c.Value.Error))];
}
