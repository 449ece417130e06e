using System.Globalization;
using Scenarios.Results;

namespace Scenarios.Engine;

/// <summary>
/// Runs load steps against one HTTP client. Open model: request i is due at its scheduled time and
/// its latency is measured from then, not from when it was actually sent, so a slow target cannot
/// hide its own queueing (no coordinated omission); sends more than 10 ms behind schedule are
/// counted as late, sends over the in-flight cap as dropped. Closed model: N workers, each sending
/// the next request when the last is answered. Every request is built by the caller's factory from
/// its global index, so traffic is reproducible from a seed.
/// </summary>
public sealed class LoadEngine
{
    /// <summary>A send this far behind its schedule is late.</summary>
    public static readonly TimeSpan LateAfter = TimeSpan.FromMilliseconds(10);

    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly int _maxInFlight;

    /// <summary>Creates an engine; <paramref name="maxInFlight"/> caps open-model requests in flight (default 1,024).</summary>
    public LoadEngine(HttpClient http, TimeProvider time, int maxInFlight = 1024)
    {
        _http = http ?? throw new ArgumentNullException(nameof(http));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _maxInFlight = maxInFlight;
    }

    /// <summary>A client over a <see cref="SocketsHttpHandler"/> sized for load: pooled connections, no proxy, no cookies.</summary>
    public static HttpClient CreateClient(Uri baseAddress, int maxConnections = 256) =>
        new(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = maxConnections,
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
        })
        { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>
    /// Runs the steps in order. <paramref name="requestFactory"/> builds request i;
    /// <paramref name="talliedHeaders"/> are counted by value; <paramref name="classify"/> names a class per answer.
    /// </summary>
    public async Task<LoadResult> RunAsync(IReadOnlyList<LoadStep> steps, Func<long, HttpRequestMessage> requestFactory,
        IReadOnlyList<string> talliedHeaders, ResponseClassifier? classify, int seed, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(requestFactory);
        ArgumentNullException.ThrowIfNull(talliedHeaders);
        var results = new List<StepResult>();
        long next = 0;
        foreach (var step in steps)
        {
            var recorder = new LatencyRecorder(step.Duration);
            progress?.Report($"step {step.Name}: {Describe(step.Model)} for {step.Duration.TotalSeconds:0.#}s{(step.WarmUp ? " (warm-up)" : "")}");
            var first = next;
            next += step.Model switch
            {
                LoadModel.Open open => await RunOpenAsync(step, open, first, requestFactory, talliedHeaders, classify, recorder, cancellationToken).ConfigureAwait(false),
                LoadModel.Closed closed => await RunClosedAsync(step, closed, first, requestFactory, talliedHeaders, classify, recorder, cancellationToken).ConfigureAwait(false),
                _ => throw new ArgumentException($"unknown model {step.Model}", nameof(steps)),
            };
            if (!step.WarmUp)
            {
                var (targetRate, rateAt) = step.Model is LoadModel.Open o
                    ? ((double?)((o.StartRate + o.EndRate) / 2), (Func<int, double>)(s => o.StartRate + ((o.EndRate - o.StartRate) * Math.Min(1, (s + 0.5) / step.Duration.TotalSeconds))))
                    : (null, _ => 0);
                results.Add(recorder.ToResult(step.Name, Describe(step.Model), targetRate, step.Duration, rateAt));
            }
        }

        return new LoadResult(results, seed);
    }

    private async Task<long> RunOpenAsync(LoadStep step, LoadModel.Open model, long first, Func<long, HttpRequestMessage> factory,
        IReadOnlyList<string> headers, ResponseClassifier? classify, LatencyRecorder recorder, CancellationToken cancellationToken)
    {
        var total = OpenSchedule.Total(model.StartRate, model.EndRate, step.Duration.TotalSeconds);
        var start = _time.GetTimestamp();
        var inFlight = 0;
        var pending = new List<Task>();
        for (long i = 0; i < total; i++)
        {
            var due = OpenSchedule.DueAt(i, model.StartRate, model.EndRate, step.Duration.TotalSeconds);
            var wait = due - _time.GetElapsedTime(start).TotalSeconds;
            if (wait > 0.002)
            {
                await Task.Delay(TimeSpan.FromSeconds(wait - 0.001), _time, cancellationToken).ConfigureAwait(false);
            }

            while (_time.GetElapsedTime(start).TotalSeconds < due)
            {
                Thread.Yield();
            }

            if (_time.GetElapsedTime(start).TotalSeconds - due > LateAfter.TotalSeconds)
            {
                recorder.Late();
            }

            if (Volatile.Read(ref inFlight) >= _maxInFlight)
            {
                recorder.Dropped();
                continue;
            }

            Interlocked.Increment(ref inFlight);
            var scheduled = start + (long)(due * _time.TimestampFrequency);
            pending.Add(SendAsync(first + i, scheduled, start, factory, headers, classify, recorder, () => Interlocked.Decrement(ref inFlight), cancellationToken));
            if (pending.Count >= 4096)
            {
                pending.RemoveAll(t => t.IsCompleted);
            }
        }

        await Task.WhenAll(pending).ConfigureAwait(false);
        return total;
    }

    private async Task<long> RunClosedAsync(LoadStep step, LoadModel.Closed model, long first, Func<long, HttpRequestMessage> factory,
        IReadOnlyList<string> headers, ResponseClassifier? classify, LatencyRecorder recorder, CancellationToken cancellationToken)
    {
        var start = _time.GetTimestamp();
        long counter = first - 1;
        var workers = Enumerable.Range(0, model.Concurrency).Select(async _ =>
        {
            while (_time.GetElapsedTime(start) < step.Duration && !cancellationToken.IsCancellationRequested)
            {
                var index = Interlocked.Increment(ref counter);
                await SendAsync(index, _time.GetTimestamp(), start, factory, headers, classify, recorder, static () => { }, cancellationToken).ConfigureAwait(false);
            }
        });
        await Task.WhenAll(workers).ConfigureAwait(false);
        return Interlocked.Read(ref counter) - first + 1;
    }

    private async Task SendAsync(long index, long scheduled, long stepStart, Func<long, HttpRequestMessage> factory, IReadOnlyList<string> headers,
        ResponseClassifier? classify, LatencyRecorder recorder, Action done, CancellationToken cancellationToken)
    {
        recorder.Sent();
        try
        {
            using var request = factory(index);
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            var now = _time.GetTimestamp();
            var micros = (long)((now - scheduled) * 1_000_000.0 / _time.TimestampFrequency);
            recorder.Answered(micros, (now - stepStart) / (double)_time.TimestampFrequency, (int)response.StatusCode,
                Tallies(response, headers), classify?.Invoke(index, response));
        }
        catch (HttpRequestException)
        {
            recorder.TransportError();
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            recorder.TransportError();
        }
        finally
        {
            done();
        }
    }

    private static IEnumerable<string> Tallies(HttpResponseMessage response, IReadOnlyList<string> headers)
    {
        foreach (var name in headers)
        {
            if (response.Headers.TryGetValues(name, out var values))
            {
                yield return name + ": " + string.Join(",", values);
            }
        }
    }

    private static string Describe(LoadModel model) => model switch
    {
        LoadModel.Open o when Math.Abs(o.StartRate - o.EndRate) < 1e-9 => string.Create(CultureInfo.InvariantCulture, $"open {o.StartRate:0.#}/s"),
        LoadModel.Open o => string.Create(CultureInfo.InvariantCulture, $"open {o.StartRate:0.#}-{o.EndRate:0.#}/s"),
        LoadModel.Closed c => string.Create(CultureInfo.InvariantCulture, $"closed {c.Concurrency}"),
        _ => model.ToString(),
    };
}
