using System.Net.Sockets;
using Harness.Engine.Plans;
using Harness.Engine.Requests;

namespace Harness.Engine.Gates.Drills;

/// <summary>
/// The Redis drill's ledger traffic: what it sends (the seeded generated traffic of the load gates,
/// <see cref="Load.OpenLoad"/>: every stage endpoint it can address, the same generator and builder)
/// and how it reads each request: with the status the contract gives (computed as it is sent), and a
/// failure in the words of the harness's target client (<see cref="StageTraffic"/>), whose path its
/// requests take.
/// </summary>
internal sealed class ContractLedger : IOutageReading
{
    private readonly GateContext _context;
    private readonly ContractOracle _oracle;

    /// <summary>The ledger traffic of the gate in <paramref name="context"/>.</summary>
    public ContractLedger(GateContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _oracle = new ContractOracle(context.Rules, context.Phase.Configuration.ToModeSettings());
    }

    /// <summary>
    /// Creates the resources the stage endpoints' <c>{id}</c> need, then sends through <paramref name="load"/>
    /// at <paramref name="rate"/> per second, on schedule from its clock's zero, until <paramref name="stop"/>.
    /// </summary>
    public async Task RunAsync(OutageLoad load, double rate, CancellationToken stop, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(load);
        var prefix = $"rh{_context.Seed}-{_context.Spec.Id}";
        var ids = await new StageTraffic(_context.Client, new TrafficSettings()).CreateResourcesAsync(_context.Rules, prefix, [], cancellationToken).ConfigureAwait(false);
        var generator = new StageRequestGenerator(_context.Rules, _context.RandomFor(), prefix);
        var endpoints = _context.Rules.Endpoints.TakingStages.Where(ids.CanAddress).ToList();
        await load.RunAsync(() => generator.Any(endpoints), new StageRequestBuilder(new TrafficSettings()), ids, rate, stop, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public OutageRequest Sending(StageRequest request, OutageRequest sent) =>
        sent with { Expected = _oracle.Expect(request).Status };

    /// <inheritdoc />
    public OutageRequest Read(StageRequest request, OutageRequest ended, string? mediaType, string body, Exception? failure) => failure switch
    {
        null => ended,
        OperationCanceledException => ended with
        {
            Error = _context.Client.Settings.Timeout is { } timeout ? $"no answer within {timeout.TotalSeconds:0} s" : "no answer in time",
        },
        HttpRequestException { InnerException: SocketException socket } => ended with { Error = socket.Message },
        _ => ended with { Error = failure.Message },
    };
}
