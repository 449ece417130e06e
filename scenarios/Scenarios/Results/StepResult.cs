using HdrHistogram;
using Scenarios.Engine;

namespace Scenarios.Results;

/// <summary>
/// What one step measured, as plain data: serializable to JSON and mergeable across shards
/// (counters add, histograms are re-recorded from their value/count pairs). Latency is in
/// microseconds, measured from each request's scheduled start in the open model.
/// </summary>
public sealed record StepResult
{
    /// <summary>Step name.</summary>
    public required string Name { get; init; }

    /// <summary>The model, as text (<c>open 100-300/s</c>, <c>closed 8</c>).</summary>
    public required string Model { get; init; }

    /// <summary>Average arrival rate the open model scheduled; null for the closed model.</summary>
    public double? TargetRate { get; init; }

    /// <summary>Length of the step.</summary>
    public double DurationSeconds { get; init; }

    /// <summary>
    /// Open model: seconds from the step's start until its last scheduled request was sent (or
    /// dropped); about <see cref="DurationSeconds"/> when the engine kept its schedule, more when it
    /// fell behind and caught up late. 0 for the closed model.
    /// </summary>
    public double SendSeconds { get; init; }

    /// <summary>Requests sent.</summary>
    public long Sent { get; init; }

    /// <summary>Requests answered (any status).</summary>
    public long Completed { get; init; }

    /// <summary>Open model: sends that left more than 10 ms after their scheduled time (the engine could not keep up).</summary>
    public long Late { get; init; }

    /// <summary>Open model: sends skipped because the in-flight cap was reached (counted, never silently lost).</summary>
    public long Dropped { get; init; }

    /// <summary>Requests that got no HTTP answer.</summary>
    public long TransportErrors { get; init; }

    /// <summary>Answers by status code.</summary>
    public IReadOnlyDictionary<string, long> Statuses { get; init; } = new SortedDictionary<string, long>(StringComparer.Ordinal);

    /// <summary>Answers by <c>header: value</c> for the tallied headers.</summary>
    public IReadOnlyDictionary<string, long> Headers { get; init; } = new SortedDictionary<string, long>(StringComparer.Ordinal);

    /// <summary>Answers by the caller's class.</summary>
    public IReadOnlyDictionary<string, long> Classes { get; init; } = new SortedDictionary<string, long>(StringComparer.Ordinal);

    /// <summary>Latency histogram as <c>[microseconds, count]</c> pairs.</summary>
    public IReadOnlyList<long[]> Latency { get; init; } = [];

    /// <summary>Latency histograms per answer class (<c>[microseconds, count]</c> pairs), when the engine was asked for them (<see cref="Engine.LoadEngine.LatencyByClass"/>); empty otherwise.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<long[]>> LatencyByClass { get; init; } = NoLatencyByClass;

    /// <summary>The empty <see cref="LatencyByClass"/>.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<long[]>> NoLatencyByClass { get; } = new SortedDictionary<string, IReadOnlyList<long[]>>(StringComparer.Ordinal);

    /// <summary>Per-second series.</summary>
    public IReadOnlyList<SecondSample> PerSecond { get; init; } = [];

    /// <summary>Answers per second of the step.</summary>
    public double AchievedRate => DurationSeconds > 0 ? Completed / DurationSeconds : 0;

    /// <summary>
    /// Open model: requests per second the engine actually offered (sent or dropped over the time it
    /// took to send them). Below <see cref="TargetRate"/> when the engine could not keep its schedule:
    /// then the step did not put the planned load on the target.
    /// </summary>
    public double OfferedRate => Math.Max(DurationSeconds, SendSeconds) is var seconds and > 0 ? (Sent + Dropped) / seconds : 0;

    /// <summary>The latency at a percentile (0-100), in microseconds; 0 when nothing was recorded.</summary>
    public long Percentile(double percentile)
    {
        var histogram = ToHistogram(Latency);
        return histogram.TotalCount == 0 ? 0 : histogram.GetValueAtPercentile(percentile);
    }

    /// <summary>Adds another shard's measurement of the same step.</summary>
    public StepResult Merge(StepResult other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var histogram = ToHistogram(Latency);
        histogram.Add(ToHistogram(other.Latency));
        return this with
        {
            SendSeconds = Math.Max(SendSeconds, other.SendSeconds),
            Sent = Sent + other.Sent,
            Completed = Completed + other.Completed,
            Late = Late + other.Late,
            Dropped = Dropped + other.Dropped,
            TransportErrors = TransportErrors + other.TransportErrors,
            TargetRate = TargetRate is null && other.TargetRate is null ? null : (TargetRate ?? 0) + (other.TargetRate ?? 0),
            Statuses = Add(Statuses, other.Statuses),
            Headers = Add(Headers, other.Headers),
            Classes = Add(Classes, other.Classes),
            Latency = Pairs(histogram),
            LatencyByClass = LatencyByClass.Count == 0 && other.LatencyByClass.Count == 0 ? NoLatencyByClass
                : new SortedDictionary<string, IReadOnlyList<long[]>>(LatencyByClass.Keys.Union(other.LatencyByClass.Keys).ToDictionary(k => k, k =>
                {
                    var merged = ToHistogram(LatencyByClass.TryGetValue(k, out var mine) ? mine : []);
                    merged.Add(ToHistogram(other.LatencyByClass.TryGetValue(k, out var theirs) ? theirs : []));
                    return Pairs(merged);
                }), StringComparer.Ordinal),
            PerSecond = [.. PerSecond.Concat(other.PerSecond).GroupBy(s => s.Second).OrderBy(g => g.Key)
                .Select(g => new SecondSample(g.Key, g.Sum(s => s.Completed), g.Max(s => s.P99Micros), g.Sum(s => s.TargetRate)))],
        };
    }

    /// <summary>A histogram's value/count pairs.</summary>
    public static IReadOnlyList<long[]> Pairs(HistogramBase histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        return [.. histogram.RecordedValues().Select(v => new[] { v.ValueIteratedTo, v.CountAtValueIteratedTo })];
    }

    /// <summary>Rebuilds a histogram from pairs.</summary>
    public static LongHistogram ToHistogram(IEnumerable<long[]> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var histogram = new LongHistogram(LatencyRecorder.HighestMicros, LatencyRecorder.SignificantDigits);
        foreach (var pair in pairs)
        {
            histogram.RecordValueWithCount(Math.Clamp(pair[0], 1, LatencyRecorder.HighestMicros), pair[1]);
        }

        return histogram;
    }

    private static SortedDictionary<string, long> Add(IReadOnlyDictionary<string, long> a, IReadOnlyDictionary<string, long> b)
    {
        var sum = new SortedDictionary<string, long>(a.ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal);
        foreach (var (key, value) in b)
        {
            sum[key] = sum.GetValueOrDefault(key) + value;
        }

        return sum;
    }
}
