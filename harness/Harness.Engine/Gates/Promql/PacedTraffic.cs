using System.Collections.Concurrent;
using System.Diagnostics;
using Harness.Engine.Plans;
using Harness.Engine.Requests;
using StageContract.Endpoints;
using StageContract.Outcomes;

namespace Harness.Engine.Gates.Promql;

/// <summary>
/// Generated stage traffic at a steady rate in the background, for gates that judge what Prometheus
/// saw of it: known-only requests, or a share with an unknown stage (changeable while it runs, for the
/// drill's injection). Every answered request is counted by the result the contract gives it
/// (<see cref="ValidationResult"/>, the <c>result</c> label of <c>stage_validation_validations_total</c>),
/// so the harness's own count can be set beside Prometheus's.
/// </summary>
public sealed class PacedTraffic : IAsyncDisposable
{
    private const int MaxInFlight = 32;
    private readonly GateContext _context;
    private readonly double _rate;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, int> _answeredByResult = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _inFlight = new(MaxInFlight);
    private Task? _loop;
    private int _sent;
    private int _failed;
    private int _skipped;
    private double _unknownShare;
    private int _disposed;

    private PacedTraffic(GateContext context, double rate, double unknownShare)
    {
        _context = context;
        _rate = rate;
        _unknownShare = unknownShare;
    }

    /// <summary>Share of requests with an unknown stage; may be changed while the traffic runs.</summary>
    public double UnknownShare
    {
        get => Volatile.Read(ref _unknownShare);
        set => Volatile.Write(ref _unknownShare, value);
    }

    /// <summary>Requests sent.</summary>
    public int Sent => Volatile.Read(ref _sent);

    /// <summary>Requests that got no answer.</summary>
    public int Failed => Volatile.Read(ref _failed);

    /// <summary>Sends skipped because <see cref="MaxInFlight"/> requests were still waiting (the target is slower than the rate).</summary>
    public int Skipped => Volatile.Read(ref _skipped);

    /// <summary>Answered requests by the <c>result</c> label the contract gives them.</summary>
    public IReadOnlyDictionary<string, int> AnsweredByResult => new Dictionary<string, int>(_answeredByResult, StringComparer.Ordinal);

    /// <summary>Starts sending (resources for the endpoints that address one are created first).</summary>
    public static async Task<PacedTraffic> StartAsync(GateContext context, double rate, double unknownShare, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var traffic = new PacedTraffic(context, rate, unknownShare);
        var prefix = $"rh{context.Seed}-{context.Spec.Id}";
        var sender = new StageTraffic(context.Client, new TrafficSettings());
        var ids = await sender.CreateResourcesAsync(context.Rules, prefix, [], cancellationToken).ConfigureAwait(false);
        var endpoints = context.Rules.Endpoints.TakingStages.Where(ids.CanAddress).ToList();
        var generator = new StageRequestGenerator(context.Rules, context.RandomFor(), prefix);
        var oracle = new ContractOracle(context.Rules, context.Phase.Configuration.ToModeSettings());
        traffic._loop = Task.Run(() => traffic.LoopAsync(sender, ids, endpoints, generator, oracle), CancellationToken.None);
        return traffic;
    }

    private async Task LoopAsync(StageTraffic sender, ResourceIds ids, IReadOnlyList<StageEndpoint> endpoints, StageRequestGenerator generator, ContractOracle oracle)
    {
        var clock = Stopwatch.StartNew();
        long scheduled = 0;
        while (!_stop.IsCancellationRequested)
        {
            var due = (long)(clock.Elapsed.TotalSeconds * _rate);
            for (; scheduled < due; scheduled++)
            {
                if (!_inFlight.Wait(0))
                {
                    Interlocked.Increment(ref _skipped);
                    continue;
                }

                var request = generator.ForMix(endpoints, UnknownShare);
                var expected = oracle.Expect(request);
                Interlocked.Increment(ref _sent);
                _ = SendOneAsync(sender, request, expected, ids);
            }

            try
            {
                await Task.Delay(10, _stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task SendOneAsync(StageTraffic sender, StageRequest request, Expectation expected, ResourceIds ids)
    {
        try
        {
            var answer = await sender.SendAsync(request, ids, CancellationToken.None).ConfigureAwait(false);
            if (answer is null || answer.TransportError is not null)
            {
                Interlocked.Increment(ref _failed);
                return;
            }

            _answeredByResult.AddOrUpdate(expected.Result.ToLabel(), 1, (_, n) => n + 1);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            Interlocked.Increment(ref _failed);
        }
        finally
        {
            _inFlight.Release();
        }
    }

    /// <summary>Stops sending and waits for the requests in flight.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
        {
            try
            {
                await _loop.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }

        for (var i = 0; i < MaxInFlight; i++)
        {
            await _inFlight.WaitAsync(TimeSpan.FromSeconds(35)).ConfigureAwait(false);
        }

        _stop.Dispose();
        _inFlight.Dispose();
    }
}
