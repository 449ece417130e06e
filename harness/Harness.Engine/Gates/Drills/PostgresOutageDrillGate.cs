using System.Globalization;
using Harness.Engine.Gates.Kinds;
using Harness.Engine.Plans;
using Harness.Engine.Requests;
using Harness.Engine.Targets;
using StageContract.Endpoints;

namespace Harness.Engine.Gates.Drills;

/// <summary>
/// The Postgres chaos-lite drill of seed 003 and issue 13: under a steady open-model mix of valid
/// stage requests (persisted writes included), Postgres is taken away (stopped or paused) for a while
/// and brought back. Failures must be clean (503 problem+json; never a 500, another status or a hang
/// past the request timeout), <c>/readyz</c> must say unready while Postgres is away and ready after,
/// recovery (N writes in a row and ready) must be within the threshold, and every write acknowledged
/// before, during and after must read back with the same meaning (the harness's own ledger).
/// </summary>
public sealed class PostgresOutageDrillGate : IGate
{
    private const string Measured = "Postgres taken away under load: time from the repair until writes succeed again and /readyz is ready; clean 503s, no hang, acknowledged writes kept";
    private const string DefaultRecovery = "< 30s";
    private readonly PostgresOutageDrillOptions _options;

    private PostgresOutageDrillGate(PostgresOutageDrillOptions options) => _options = options;

    /// <summary>The kind: its options, threshold and needs.</summary>
    public static GateKind Kind { get; } = GateKind.For<PostgresOutageDrillOptions>(GateKinds.PostgresOutageDrill,
        "Postgres stopped or paused for a while (default 5 s) under an open-model mix with persisted writes: failures must be 503 problem+json (no 500, no other status, no hang past the request timeout), /readyz unready during and ready after, recovery (N writes in a row and ready) within the threshold, and 0 acknowledged writes lost (each read back and compared by meaning)",
        ThresholdUnit.Duration, DefaultRecovery, (_, options) => new PostgresOutageDrillGate(options)) with
    {
        DefaultThreshold = DefaultRecovery,
        Needs = GateNeeds.PostgresControl,
        InconclusiveWhen = "the harness fell behind its schedule, no write was sent while Postgres was away, /readyz was not polled during the outage, or an acknowledged write could not be read back",
        CheckThreshold = t => t.Operator is ThresholdOperator.LessThan or ThresholdOperator.AtMost ? null : $"the threshold bounds the recovery time from above (such as \"{DefaultRecovery}\"), got \"{t.Text}\"",
    };

    /// <summary>Builds the gate from a spec (<see cref="GateKind.Create"/>).</summary>
    public static GateCreation Create(GateSpec spec) => Kind.Create(spec);

    /// <inheritdoc />
    public async Task<GateResult> EvaluateAsync(GateContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var threshold = context.Spec.Threshold ?? Threshold.Parse(DefaultRecovery);
        if (context.Dependencies is not { } control || control.Describe(Dependency.Postgres) is not { } controlled)
        {
            return GateResult.NotEvaluated(Measured, "the harness cannot act on the target's Postgres", threshold.Text);
        }

        var how = _options.How;
        var endpoints = context.Rules.Endpoints;
        var writes = endpoints.TakingStages.Where(e => e.Creates is not null && !e.NeedsId && ReadBack(endpoints, e) is not null).ToList();
        var reads = endpoints.TakingStages.Where(e => e.Kind == EndpointKind.Read && !e.NeedsId).ToList();
        if (writes.Count == 0)
        {
            return GateResult.NotEvaluated(Measured, "the contract names no create endpoint with a read-back route", threshold.Text);
        }

        var random = context.RandomFor();
        var generator = new StageRequestGenerator(context.Rules, random, $"rh{context.Seed}-{context.Spec.Id}");
        StageRequest Next() => reads.Count == 0 || random.NextDouble() < _options.WriteShare ? generator.KnownOnly(writes) : generator.KnownOnly(reads);

        var baseAddress = context.Http.BaseAddress ?? throw new InvalidOperationException("the target client has no base address");
        using var handler = new SocketsHttpHandler { UseProxy = false, UseCookies = false, AllowAutoRedirect = false, MaxConnectionsPerServer = 256, ConnectTimeout = TimeSpan.FromSeconds(5) };
        using var http = new HttpMessageInvoker(handler, disposeHandler: false);
        var timeout = _options.RequestTimeout;
        var ledger = new AcknowledgedWrites();
        var clock = new DrillClock(TimeProvider.System);
        var traffic = new OutageLoad(http, baseAddress, clock, timeout, new CleanFailureReading(e => ReadBack(endpoints, e), ledger, timeout));
        var ready = new ReadyPoller(context.Client, clock, timeout);
        var times = new OutageTimes();

        using var stop = new CancellationTokenSource();
        var load = traffic.RunAsync(Next, new StageRequestBuilder(new TrafficSettings()), ResourceIds.None, _options.Rate, stop.Token, cancellationToken);
        var polling = ready.RunAsync(TimeSpan.FromMilliseconds(_options.ReadyPollMilliseconds), stop.Token, cancellationToken);
        string? repairProblem = null;
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(_options.BeforeSeconds), cancellationToken).ConfigureAwait(false);
            times.BreakIssued = clock.Seconds;
            try
            {
                await control.BreakAsync(Dependency.Postgres, how, cancellationToken).ConfigureAwait(false);
                times.Broken = clock.Seconds;
                await Task.Delay(TimeSpan.FromSeconds(_options.OutageSeconds), cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                times.Broken ??= clock.Seconds;
                times.RepairIssued = clock.Seconds;
                // Always bring Postgres back, even when cancelled: a drill must never leave the target broken.
                repairProblem = await RepairAsync(control, how).ConfigureAwait(false);
                times.Repaired = clock.Seconds;
            }

            var limit = times.RepairIssued + threshold.Value + 1;
            while (clock.Seconds < limit && Recovery(traffic, ready, times.RepairIssued).Seconds is null)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken).ConfigureAwait(false);
            }

            await Task.Delay(TimeSpan.FromSeconds(_options.AfterSeconds), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(load, polling).ConfigureAwait(false);
        }

        if (repairProblem is not null)
        {
            return GateResult.NotEvaluated(Measured, $"Postgres could not be brought back ({repairProblem}); bring {controlled} back by hand", threshold.Text);
        }

        var readBack = await ReadBackAll(http, baseAddress, ledger.All, context, timeout, cancellationToken).ConfigureAwait(false);
        return PostgresOutageReport.Result(new PostgresOutageReport.Inputs(_options, how, controlled, threshold, times, traffic, ready, ledger.All, readBack, Measured));
    }

    private (double? Seconds, string Reason) Recovery(OutageLoad traffic, ReadyPoller ready, double repairAt) =>
        PostgresOutageJudgement.Recovery(traffic.Answers, [.. ready.Polls.Select(p => (p.SentAt, p.AnsweredAt, p.Ready))], repairAt, _options.ConsecutiveWrites);

    private static async Task<string?> RepairAsync(IDependencyControl control, Outage how)
    {
        try
        {
            await control.RepairAsync(Dependency.Postgres, how, CancellationToken.None).ConfigureAwait(false);
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or IOException)
        {
            return e.Message;
        }
    }

    /// <summary>The read-back route template (<c>/api/allocations/{id}</c>) of a create endpoint: the GET of the resource it creates.</summary>
    private static string? ReadBack(ContractEndpoints endpoints, StageEndpoint endpoint) =>
        endpoint.Creates is { } resource
            ? endpoints.All.FirstOrDefault(e => e.Method == "GET" && e.Resource == resource && e.NeedsId)?.Route
            : null;

    /// <summary>Reads back every acknowledged write (4 at a time; one retry after a second for an error or no answer).</summary>
    private static async Task<IReadOnlyDictionary<AcknowledgedWrite, string?>> ReadBackAll(HttpMessageInvoker http, Uri baseAddress, IReadOnlyList<AcknowledgedWrite> writes,
        GateContext context, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var outcomes = new System.Collections.Concurrent.ConcurrentDictionary<AcknowledgedWrite, string?>();
        await Parallel.ForEachAsync(writes, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (write, token) =>
        {
            var outcome = await ReadBackOne(http, baseAddress, write, context, timeout, token).ConfigureAwait(false);
            if (outcome.StartsWith(PostgresOutageReport.Unreadable, StringComparison.Ordinal))
            {
                await Task.Delay(TimeSpan.FromSeconds(1), token).ConfigureAwait(false);
                outcome = await ReadBackOne(http, baseAddress, write, context, timeout, token).ConfigureAwait(false);
            }

            outcomes[write] = outcome.Length == 0 ? null : outcome;
        }).ConfigureAwait(false);
        return outcomes;
    }

    /// <summary>"" when it reads back the same, else the difference (lost) or <see cref="PostgresOutageReport.Unreadable"/> and why.</summary>
    private static async Task<string> ReadBackOne(HttpMessageInvoker http, Uri baseAddress, AcknowledgedWrite write, GateContext context, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseAddress, write.ReadBackRoute));
            using var response = await http.SendAsync(request, bound.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(bound.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status == 404)
            {
                return "404: not found";
            }

            if (status is < 200 or >= 300)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{PostgresOutageReport.Unreadable}: {status}");
            }

            using var document = System.Text.Json.JsonDocument.Parse(body);
            return AcknowledgedWrites.Difference(write.Echoed, document.RootElement, context.Rules.Normalizer) ?? "";
        }
        catch (System.Text.Json.JsonException)
        {
            return $"{PostgresOutageReport.Unreadable}: the answer is not JSON";
        }
        catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return $"{PostgresOutageReport.Unreadable}: no answer ({e.GetType().Name})";
        }
    }
}
