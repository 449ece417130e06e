using System.Collections.Concurrent;
using System.Globalization;
using HdrHistogram;
using Scenarios.Results;

namespace Scenarios.Engine;

/// <summary>Thread-safe recording of one step: a concurrent HdrHistogram overall and per second, and the tallies.</summary>
public sealed class LatencyRecorder
{
    /// <summary>Largest recordable latency: 60 s in microseconds.</summary>
    public const long HighestMicros = 60_000_000;

    /// <summary>Significant digits of every histogram.</summary>
    public const int SignificantDigits = 3;

    private readonly LongConcurrentHistogram _latency = new(1, HighestMicros, SignificantDigits);
    private readonly LongConcurrentHistogram[] _perSecond;
    private readonly long[] _completedPerSecond;
    private readonly long[] _statuses = new long[600];
    private readonly ConcurrentDictionary<string, long> _headers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _classes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, LongConcurrentHistogram>? _latencyByClass;
    private long _sent;
    private long _late;
    private long _dropped;
    private long _transportErrors;
    private double _sendSeconds;

    /// <param name="duration">The step's length.</param>
    /// <param name="latencyByClass">Also keep a latency histogram per answer class (a baseline's per-endpoint latency); off by default, it costs a lookup per answer.</param>
    public LatencyRecorder(TimeSpan duration, bool latencyByClass = false)
    {
        _latencyByClass = latencyByClass ? new(StringComparer.Ordinal) : null;
        var seconds = (int)Math.Ceiling(duration.TotalSeconds) + 1;
        _perSecond = [.. Enumerable.Range(0, seconds).Select(_ => new LongConcurrentHistogram(1, HighestMicros, SignificantDigits))];
        _completedPerSecond = new long[seconds];
    }

    public void Sent() => Interlocked.Increment(ref _sent);

    public void Late() => Interlocked.Increment(ref _late);

    public void Dropped() => Interlocked.Increment(ref _dropped);

    /// <summary>Open model: the last send (or drop) of the step left <paramref name="seconds"/> after the step started.</summary>
    public void SendsFinished(double seconds) => Volatile.Write(ref _sendSeconds, seconds);

    /// <summary>Records an answer that completed <paramref name="atSecond"/> seconds into the step.</summary>
    public void Answered(long micros, double atSecond, int status, IEnumerable<string> headerTallies, string? responseClass)
    {
        ArgumentNullException.ThrowIfNull(headerTallies);
        var value = Math.Clamp(micros, 1, HighestMicros);
        _latency.RecordValue(value);
        var second = Math.Clamp((int)atSecond, 0, _perSecond.Length - 1);
        _perSecond[second].RecordValue(value);
        Interlocked.Increment(ref _completedPerSecond[second]);
        Interlocked.Increment(ref _statuses[Math.Clamp(status, 0, _statuses.Length - 1)]);
        foreach (var header in headerTallies)
        {
            _headers.AddOrUpdate(header, 1, (_, n) => n + 1);
        }

        if (responseClass is not null)
        {
            _classes.AddOrUpdate(responseClass, 1, (_, n) => n + 1);
            _latencyByClass?.GetOrAdd(responseClass, static _ => new LongConcurrentHistogram(1, HighestMicros, SignificantDigits)).RecordValue(value);
        }
    }

    public void TransportError() => Interlocked.Increment(ref _transportErrors);

    /// <summary>The immutable result.</summary>
    public StepResult ToResult(string name, string model, double? targetRate, TimeSpan duration, Func<int, double> targetRateAt) => new()
    {
        Name = name,
        Model = model,
        TargetRate = targetRate,
        DurationSeconds = duration.TotalSeconds,
        SendSeconds = Volatile.Read(ref _sendSeconds),
        Sent = Interlocked.Read(ref _sent),
        Completed = _completedPerSecond.Sum(),
        Late = Interlocked.Read(ref _late),
        Dropped = Interlocked.Read(ref _dropped),
        TransportErrors = Interlocked.Read(ref _transportErrors),
        Statuses = new SortedDictionary<string, long>(
            Enumerable.Range(0, _statuses.Length).Where(s => Interlocked.Read(ref _statuses[s]) > 0)
                .ToDictionary(s => s.ToString(CultureInfo.InvariantCulture), s => Interlocked.Read(ref _statuses[s])), StringComparer.Ordinal),
        Headers = new SortedDictionary<string, long>(_headers, StringComparer.Ordinal),
        Classes = new SortedDictionary<string, long>(_classes, StringComparer.Ordinal),
        Latency = StepResult.Pairs(_latency),
        LatencyByClass = _latencyByClass is null ? StepResult.NoLatencyByClass
            : new SortedDictionary<string, IReadOnlyList<long[]>>(_latencyByClass.ToDictionary(c => c.Key, c => StepResult.Pairs(c.Value)), StringComparer.Ordinal),
        PerSecond = [.. Enumerable.Range(0, _perSecond.Length).Where(s => _completedPerSecond[s] > 0 || s < duration.TotalSeconds)
            .Select(s => new SecondSample(s, _completedPerSecond[s], _perSecond[s].TotalCount == 0 ? 0 : _perSecond[s].GetValueAtPercentile(99), targetRateAt(s)))],
    };
}
