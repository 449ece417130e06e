using System.Diagnostics;
using Harness.Engine.Requests;
using Harness.Engine.Plans;

namespace Harness.Engine.Gates.Drills;

/// <summary>
/// An open-model load for the dependency drills that keeps a ledger of every request: the seeded
/// generated traffic of the load gates (<see cref="Load.OpenLoad"/>: every stage endpoint, the same
/// generator, builder and contract oracle), sent at a fixed rate whether or not earlier answers have
/// come back, each request timed from its own send. Always on real time, as all load is.
/// </summary>
public sealed class LedgerLoad
{
    private readonly GateContext _context;
    private readonly double _rate;

    /// <summary>A load of <paramref name="rate"/> requests per second through the target client (a request with no answer within its timeout is a transport failure).</summary>
    public LedgerLoad(GateContext context, double rate)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _rate = rate;
    }

    /// <summary>
    /// Sends requests on schedule from <paramref name="clock"/>'s zero until <paramref name="stop"/> is
    /// cancelled, then waits for the outstanding answers; every entry is in <see cref="OutageWindow.Before"/>
    /// (the caller places them). <paramref name="cancellationToken"/> abandons the load.
    /// </summary>
    public async Task<IReadOnlyList<OutageRequest>> RunAsync(Stopwatch clock, CancellationToken stop, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var prefix = $"rh{_context.Seed}-{_context.Spec.Id}";
        var traffic = new StageTraffic(_context.Client, new TrafficSettings());
        var ids = await traffic.CreateResourcesAsync(_context.Rules, prefix, [], cancellationToken).ConfigureAwait(false);
        var generator = new StageRequestGenerator(_context.Rules, _context.RandomFor(), prefix);
        var oracle = new ContractOracle(_context.Rules, _context.Phase.Configuration.ToModeSettings());
        var endpoints = _context.Rules.Endpoints.TakingStages.Where(ids.CanAddress).ToList();
        var sent = new List<Task<OutageRequest>>();
        for (long i = 0; !stop.IsCancellationRequested; i++)
        {
            var due = TimeSpan.FromSeconds(i / _rate);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    break;
                }
            }

            cancellationToken.ThrowIfCancellationRequested();
            var request = generator.Any(endpoints);
            sent.Add(SendAsync(traffic, request, ids, i, due.TotalSeconds, oracle.Expect(request).Status, clock, cancellationToken));
        }

        return await Task.WhenAll(sent).ConfigureAwait(false);
    }

    private static async Task<OutageRequest> SendAsync(StageTraffic traffic, StageRequest request, ResourceIds ids, long index, double due, int? expected, Stopwatch clock, CancellationToken cancellationToken)
    {
        var lag = (clock.Elapsed.TotalSeconds - due) * 1000;
        var started = clock.Elapsed;
        var response = await traffic.SendAsync(request, ids, cancellationToken).ConfigureAwait(false);
        var latency = (clock.Elapsed - started).TotalMilliseconds;
        return new OutageRequest(index, request.Endpoint.ToString(), due, lag, OutageWindow.Before, response?.Status ?? 0, expected, latency,
            response is null ? "not sent: no resource for its {id}" : response.TransportError);
    }
}
