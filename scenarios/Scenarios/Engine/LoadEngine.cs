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

    private readonly HttpMessageInvoker _http;
    private readonly Uri? _baseAddress;
    private readonly TimeProvider _time;
    private readonly int _maxInFlight;

    /// <summary>
    /// Creates an engine over a client (its base address resolves relative request URIs); <paramref name="maxInFlight"/>
    /// caps open-model requests in flight (default 1,024). Requests go straight to the client's handler
    /// when it has one of ours (<see cref="CreateClient"/>), skipping HttpClient's per-request timeout
    /// machinery; the load step bounds the time instead.
    /// </summary>
    public LoadEngine(HttpClient http, TimeProvider time, int maxInFlight = 1024)
    {
        ArgumentNullException.ThrowIfNull(http);
        _http = Handlers.TryGetValue(http, out var handler) ? new HttpMessageInvoker(handler, disposeHandler: false) : http;
        _baseAddress = http.BaseAddress;
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _maxInFlight = maxInFlight;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<HttpClient, SocketsHttpHandler> Handlers = new();

    /// <summary>
    /// Which arrivals of each open-model step this engine sends (<see cref="LoadShard"/>); default the
    /// whole load. A shard keeps the unsharded schedule and global request indexes and skips the
    /// arrivals of the other shards, so its steps record 1/n of the target rate. The closed model
    /// cannot be sharded (its request sequence depends on timing): a sharded engine refuses it.
    /// </summary>
    public LoadShard Shard { get; init; } = LoadShard.Whole;

    /// <summary>Keep a latency histogram per answer class as well (a baseline's per-endpoint latency); default off.</summary>
    public bool LatencyByClass { get; init; }

    /// <summary>A client over a <see cref="SocketsHttpHandler"/> sized for load: pooled connections, no proxy, no cookies.</summary>
    public static HttpClient CreateClient(Uri baseAddress, int maxConnections = 256)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = maxConnections,
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
            ConnectTimeout = TimeSpan.FromSeconds(10),
        };
        var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        Handlers.AddOrUpdate(client, handler);
        return client;
    }

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
            var recorder = new LatencyRecorder(step.Duration, LatencyByClass);
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
                double shards = Shard.Count;
                var (targetRate, rateAt) = step.Model is LoadModel.Open o
                    ? ((double?)((o.StartRate + o.EndRate) / 2 / shards), (Func<int, double>)(s => (o.StartRate + ((o.EndRate - o.StartRate) * Math.Min(1, (s + 0.5) / step.Duration.TotalSeconds))) / shards))
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
        using var bound = Bound(step, cancellationToken);
        var start = _time.GetTimestamp();
        var inFlight = 0;
        var pending = new List<Task>();
        for (long i = 0; i < total; i++)
        {
            if (!Shard.Owns(first + i))
            {
                continue;
            }

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
            pending.Add(SendAsync(first + i, scheduled, start, factory, headers, classify, recorder, () => Interlocked.Decrement(ref inFlight), bound.Token));
            if (pending.Count >= 4096)
            {
                pending.RemoveAll(t => t.IsCompleted);
            }
        }

        recorder.SendsFinished(_time.GetElapsedTime(start).TotalSeconds);
        await Task.WhenAll(pending).ConfigureAwait(false);
        return total;
    }

    private async Task<long> RunClosedAsync(LoadStep step, LoadModel.Closed model, long first, Func<long, HttpRequestMessage> factory,
        IReadOnlyList<string> headers, ResponseClassifier? classify, LatencyRecorder recorder, CancellationToken cancellationToken)
    {
        if (!Shard.IsWhole)
        {
            throw new InvalidOperationException($"step {step.Name}: a closed-model step cannot be sharded (its requests depend on how fast the target answers)");
        }

        using var bound = Bound(step, cancellationToken);
        var start = _time.GetTimestamp();
        long counter = first - 1;
        var workers = Enumerable.Range(0, model.Concurrency).Select(async _ =>
        {
            while (_time.GetElapsedTime(start) < step.Duration && !cancellationToken.IsCancellationRequested)
            {
                var index = Interlocked.Increment(ref counter);
                await SendAsync(index, _time.GetTimestamp(), start, factory, headers, classify, recorder, static () => { }, bound.Token).ConfigureAwait(false);
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
            if (request.RequestUri is { IsAbsoluteUri: false } relative && _baseAddress is not null)
            {
                request.RequestUri = new Uri(_baseAddress, relative);
            }

            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            await Drain(response, cancellationToken).ConfigureAwait(false);
            var now = _time.GetTimestamp();
            var micros = (long)((now - scheduled) * 1_000_000.0 / _time.TimestampFrequency);
            recorder.Answered(micros, (now - stepStart) / (double)_time.TimestampFrequency, (int)response.StatusCode,
                headers.Count == 0 ? [] : Tallies(response, headers), classify?.Invoke(index, response));
        }
        catch (HttpRequestException)
        {
            recorder.TransportError();
        }
        catch (OperationCanceledException)
        {
            // The step's bound (its duration plus a grace period) ran out: no answer in time.
            recorder.TransportError();
        }
        finally
        {
            done();
        }
    }

    /// <summary>Every request of a step is cancelled once the step has run 30 s past its end: a hung target cannot hang the run.</summary>
    private static CancellationTokenSource Bound(LoadStep step, CancellationToken cancellationToken)
    {
        var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(step.Duration + TimeSpan.FromSeconds(30));
        return bound;
    }

    /// <summary>Reads the body to its end into a pooled buffer: the answer is complete, nothing is kept.</summary>
    private static async Task Drain(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(16 * 1024);
            try
            {
                while (await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false) > 0)
                {
                }
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            }
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
