using Harness.Engine.Gates.Kinds;
using Harness.Engine.Plans;
using Harness.Engine.Targets;

namespace Harness.Engine.Gates.Drills;

/// <summary>
/// The chaos-lite latency drill (seed 003: "+200 ms latency"; contract section 7): under an open-model
/// load of generated stage requests, a control period with nothing slowed, then every Redis call of the
/// target slowed by the added latency for an equally long period, then every Postgres call, then both
/// restored. Every request is kept in a ledger and must be answered as the contract gives within the
/// request timeout; the mode store's 100 ms bound must hold (no more episodes of requests held the added
/// latency while Redis is slowed than in the control period); the p99 of the slowed periods must be
/// within the plan's budget. Judged by <see cref="LatencyDrillJudgement"/>.
/// </summary>
public sealed class LatencyDrillGate : IGate
{
    private readonly LatencyDrillOptions _options;

    private LatencyDrillGate(LatencyDrillOptions options) => _options = options;

    /// <summary>The kind: its options, threshold and needs.</summary>
    public static GateKind Kind { get; } = GateKind.For<LatencyDrillOptions>(GateKinds.LatencyDrill,
        "+200 ms on every Redis call, then on every Postgres call, under an open-model load after an equally long control period: every stage request answered as the contract gives within the request timeout (a ledger), the mode store's 100 ms bound holding (no more episodes of requests held the added latency with Redis slowed than in the control period), and the p99 of the slowed periods within the budget",
        ThresholdUnit.Duration, "< 1s", (_, options) => new LatencyDrillGate(options)) with
    {
        DefaultThreshold = "< 1s",
        Needs = GateNeeds.LatencyControl,
        InconclusiveWhen = "too few requests in a period, the harness's load fell behind, the control period was already noisy, or the added Postgres latency showed in no request",
    };

    /// <summary>Builds the gate from a spec (<see cref="GateKind.Create"/>).</summary>
    public static GateCreation Create(GateSpec spec) => Kind.Create(spec);

    /// <inheritdoc />
    public async Task<GateResult> EvaluateAsync(GateContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var threshold = context.Spec.Threshold ?? Threshold.Parse("< 1s");
        if (context.Latency is not { } control || control.Describe(Dependency.Redis) is not { } redisControl || control.Describe(Dependency.Postgres) is not { } postgresControl)
        {
            return GateResult.NotEvaluated(LatencyDrillJudgement.Measured, "no way to slow the target's Redis and Postgres (--latency-command); not run", threshold.Text);
        }

        var described = redisControl == postgresControl ? redisControl : $"Redis: {redisControl}; Postgres: {postgresControl}";
        var baseAddress = context.Http.BaseAddress ?? throw new InvalidOperationException("the target client has no base address");
        using var http = new HttpMessageInvoker(new ThroughClientHandler(context.Http));
        var clock = new DrillClock(TimeProvider.System);
        var ledgerTraffic = new ContractLedger(context);
        var traffic = new OutageLoad(http, baseAddress, clock, null, ledgerTraffic);
        using var stopLoad = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var stopPolling = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Dependency? slowed = null;
        try
        {
            var load = ledgerTraffic.RunAsync(traffic, _options.Rate, stopLoad.Token, cancellationToken);
            var redisErrors = new List<TimedValue>();
            var readiness = new List<TimedValue>();
            var polling = RedisErrorPolling.PollAsync(context.Client, new ReadyPoller(context.Client, clock, TimeSpan.FromSeconds(2)), clock, redisErrors, readiness, stopPolling.Token);
            double redisAt, postgresAt, restoredAt;
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(_options.WindowSeconds), cancellationToken).ConfigureAwait(false);
                redisAt = clock.Seconds;
                slowed = Dependency.Redis;
                await control.SetAsync(Dependency.Redis, _options.Latency, cancellationToken).ConfigureAwait(false);
                await Task.Delay(TimeSpan.FromSeconds(redisAt + _options.WindowSeconds) - clock.Elapsed is var r && r > TimeSpan.Zero ? r : TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
                await control.SetAsync(Dependency.Redis, TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
                postgresAt = clock.Seconds;
                slowed = Dependency.Postgres;
                await control.SetAsync(Dependency.Postgres, _options.Latency, cancellationToken).ConfigureAwait(false);
                await Task.Delay(TimeSpan.FromSeconds(postgresAt + _options.PostgresSeconds) - clock.Elapsed is var p && p > TimeSpan.Zero ? p : TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
                await control.SetAsync(Dependency.Postgres, TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
                slowed = null;
                restoredAt = clock.Seconds;
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException)
            {
                return GateResult.NotEvaluated(LatencyDrillJudgement.Measured, $"could not slow the target's {slowed} ({described}): {e.Message}", threshold.Text);
            }

            await Task.Delay(TimeSpan.FromSeconds(_options.AfterSeconds), cancellationToken).ConfigureAwait(false);
            await stopLoad.CancelAsync().ConfigureAwait(false);
            await load.ConfigureAwait(false);
            await stopPolling.CancelAsync().ConfigureAwait(false);
            var problem = await polling.ConfigureAwait(false);
            var seen = new LatencyDrillObservations
            {
                Control = described,
                Ledger = traffic.Answers,
                RedisSlowedAt = redisAt,
                PostgresSlowedAt = postgresAt,
                RestoredAt = restoredAt,
                RedisErrors = redisErrors,
                RedisErrorsProblem = problem,
            };
            return LatencyDrillJudgement.Judge(seen, _options, threshold);
        }
        finally
        {
            await stopLoad.CancelAsync().ConfigureAwait(false);
            await stopPolling.CancelAsync().ConfigureAwait(false);
            if (slowed is { } left)
            {
                // Restored whatever happened above, cancellation included.
                await TryRestoreAsync(control, left).ConfigureAwait(false);
            }
        }
    }

    private static async Task TryRestoreAsync(ILatencyControl control, Dependency dependency)
    {
        try
        {
            await control.SetAsync(dependency, TimeSpan.Zero, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            // Reported by the failure that left it slowed.
            _ = e;
        }
    }
}
