using System.Text.Json;
using Harness.Engine.Gates.Kinds;
using Harness.Engine.Plans;
using Harness.Engine.Requests;
using Harness.Engine.Targets;
using Flurl.Http;

namespace Harness.Engine.Gates.Drills;

/// <summary>
/// The chaos-lite Redis drill (contract section 7, seed 003): under an open-model load of generated
/// stage requests, the target's Redis is paused or stopped for a while and brought back. Every request
/// before, during and after is kept in a ledger and must be answered as the contract gives within the
/// request timeout; the mode (by behaviour probes and the self-report) must be the same afterwards; a
/// valid webhook delivery while Redis is away must not be accepted without its replay check (when drill
/// credentials are there; a 2xx downgrades the target, which is then restored with the ops API); and
/// the mode store must use Redis again, by <c>stage_mode_redis_errors_total</c> staying flat, within the
/// threshold. Judged by <see cref="RedisOutageJudgement"/>.
/// </summary>
public sealed class RedisOutageDrillGate : IGate
{
    private const int ProbesEachSide = 3;
    private readonly RedisOutageDrillOptions _options;

    private RedisOutageDrillGate(RedisOutageDrillOptions options) => _options = options;

    /// <summary>The kind: its options, threshold and needs.</summary>
    public static GateKind Kind { get; } = GateKind.For<RedisOutageDrillOptions>(GateKinds.RedisOutageDrill,
        "Redis paused or stopped for a while under an open-model load: every stage request before, during and after answered as the contract gives within the request timeout (a ledger), the mode (behaviour probes, self-report) unchanged, a valid webhook delivery not accepted while the replay store is away (with drill credentials), and the time from the repair until stage_mode_redis_errors_total stays flat; /readyz as evidence",
        ThresholdUnit.Duration, "< 30s", (_, options) => new RedisOutageDrillGate(options)) with
    {
        DefaultThreshold = "< 30s",
        Needs = GateNeeds.RedisControl,
        InconclusiveWhen = "too few requests during the outage, the harness's load fell behind, or the Redis error counter is absent or never grew",
    };

    /// <summary>Builds the gate from a spec (<see cref="GateKind.Create"/>).</summary>
    public static GateCreation Create(GateSpec spec) => Kind.Create(spec);

    /// <inheritdoc />
    public async Task<GateResult> EvaluateAsync(GateContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var threshold = context.Spec.Threshold ?? Threshold.Parse("< 30s");
        if (context.Dependencies is not { } control || control.Describe(Dependency.Redis) is not { } described)
        {
            return GateResult.NotEvaluated(RedisOutageJudgement.Measured, "no control of the target's Redis (--redis-container); not run", threshold.Text);
        }

        var watch = ModeWatch.For(context);
        var probe = new BehaviourProbe(context.Client, context.Rules, TrafficSettings.Default);
        var endpoint = watch?.Endpoint ?? context.Rules.Endpoints.TakingStages.First(e => !e.NeedsId);
        var probeId = watch?.RequestId ?? BucketIds.For(0, $"rh{context.Seed}-{context.Spec.Id}-watch");
        async Task<List<string>> ModeAsync()
        {
            var seen = new List<string>();
            for (var i = 0; i < ProbesEachSide; i++)
            {
                seen.Add((await probe.ProbeAsync(endpoint, probeId, ResourceIds.None, closeConnection: true, cancellationToken).ConfigureAwait(false)).Observation.Describe());
            }

            return seen;
        }

        var modeBefore = await ModeAsync().ConfigureAwait(false);
        var reportBefore = await SelfReportAsync(context, cancellationToken).ConfigureAwait(false);
        var credentials = context.Credentials;
        var webhookNote = credentials.OpsToken is null || (credentials.WebhookHmacKey is null && credentials.WebhookBearerToken is null)
            ? "not run: needs REHEARSE_OPS_TOKEN (to restore the mode) and REHEARSE_WEBHOOK_HMAC_KEY or REHEARSE_WEBHOOK_TOKEN"
            : watch is null ? "not run: the phase enforces no request, so an accepted delivery could not be seen or undone" : null;
        var webhook = new AlertWebhook(context.Client);
        var serverTime = webhookNote is null ? await webhook.ServerTimeAsync(cancellationToken).ConfigureAwait(false) : null;

        // The load goes through the target client's HttpClient (a hot path: same handler, timeout and headers as the Flurl client); /readyz through the Flurl client (a probe).
        var baseAddress = context.Http.BaseAddress ?? throw new InvalidOperationException("the target client has no base address");
        using var http = new HttpMessageInvoker(new ThroughClientHandler(context.Http));
        var clock = new DrillClock(TimeProvider.System);
        var ledgerTraffic = new ContractLedger(context);
        var traffic = new OutageLoad(http, baseAddress, clock, null, ledgerTraffic);
        // Linked, and cancelled on every way out, so that no early return leaves load or polling running.
        using var stopLoad = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var stopPolling = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            var load = ledgerTraffic.RunAsync(traffic, _options.Rate, stopLoad.Token, cancellationToken);
            var redisErrors = new List<TimedValue>();
            var readiness = new List<TimedValue>();
            var ready = new ReadyPoller(context.Client, clock, TimeSpan.FromSeconds(2));
            var polling = RedisErrorPolling.PollAsync(context.Client, ready, clock, redisErrors, readiness, stopPolling.Token);

            int? webhookStatus = null;
            var webhookDetail = webhookNote ?? "";
            double breakAt, repairedAt;
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(_options.BeforeSeconds), cancellationToken).ConfigureAwait(false);
                breakAt = clock.Seconds;
                try
                {
                    await control.BreakAsync(Dependency.Redis, _options.How, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is InvalidOperationException or TimeoutException)
                {
                    await TryRepairAsync(control).ConfigureAwait(false);
                    return GateResult.NotEvaluated(RedisOutageJudgement.Measured, $"could not take Redis away ({described}): {e.Message}", threshold.Text);
                }

                await Task.Delay(TimeSpan.FromSeconds(_options.OutageSeconds / 2), cancellationToken).ConfigureAwait(false);
                if (webhookNote is null)
                {
                    var body = AlertWebhook.Notification(AlertWebhook.FreshGroupKey(context.Seed, "redis-outage"));
                    (webhookStatus, webhookDetail) = await webhook.FireAsync(credentials, body, serverTime, cancellationToken).ConfigureAwait(false);
                }

                var remaining = TimeSpan.FromSeconds(breakAt + _options.OutageSeconds) - clock.Elapsed;
                if (remaining > TimeSpan.Zero)
                {
                    await Task.Delay(remaining, cancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                // Redis must come back whatever happened above, cancellation included.
                await TryRepairAsync(control).ConfigureAwait(false);
            }

            repairedAt = clock.Seconds;
            var giveUp = repairedAt + threshold.Value + _options.QuietSeconds;
            while (clock.Seconds < giveUp)
            {
                List<TimedValue> sofar;
                lock (redisErrors)
                {
                    sofar = [.. redisErrors];
                }

                if (RedisOutageJudgement.Recovery(sofar, repairedAt, _options.QuietSeconds).Decided)
                {
                    break;
                }

                await Task.Delay(250, cancellationToken).ConfigureAwait(false);
            }

            await Task.Delay(TimeSpan.FromSeconds(_options.AfterSeconds), cancellationToken).ConfigureAwait(false);
            await stopLoad.CancelAsync().ConfigureAwait(false);
            await load.ConfigureAwait(false);
            var ledger = traffic.Answers;
            await stopPolling.CancelAsync().ConfigureAwait(false);
            var problem = await polling.ConfigureAwait(false);

            bool? restored = null;
            if (webhookStatus is >= 200 and < 300 && watch is not null)
            {
                restored = await watch.RestoreEnforceAsync(credentials.OpsToken!, [], cancellationToken).ConfigureAwait(false);
            }

            var modeAfter = await ModeAsync().ConfigureAwait(false);
            var reportAfter = await SelfReportAsync(context, cancellationToken).ConfigureAwait(false);
            var seen = new RedisOutageObservations
            {
                Control = described,
                Ledger = [.. ledger.Select(r => r with { Window = r.ScheduledSeconds < breakAt ? OutageWindow.Before : r.ScheduledSeconds < repairedAt ? OutageWindow.During : OutageWindow.After })],
                BreakAt = breakAt,
                RepairedAt = repairedAt,
                RedisErrors = redisErrors,
                RedisErrorsProblem = problem,
                Readiness = readiness,
                ModeBefore = modeBefore,
                ModeAfter = modeAfter,
                SelfReportBefore = reportBefore,
                SelfReportAfter = reportAfter,
                WebhookStatus = webhookStatus,
                WebhookDetail = webhookDetail,
                Restored = restored,
            };
            return RedisOutageJudgement.Judge(seen, _options, threshold);
        }
        finally
        {
            await stopLoad.CancelAsync().ConfigureAwait(false);
            await stopPolling.CancelAsync().ConfigureAwait(false);
        }

        async Task TryRepairAsync(IDependencyControl dependencies)
        {
            try
            {
                await dependencies.RepairAsync(Dependency.Redis, _options.How, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException)
            {
                // Unpausing a running container fails; the judgement sees a Redis that never recovers otherwise.
                _ = e;
            }
        }
    }

    private static async Task<string> SelfReportAsync(GateContext context, CancellationToken cancellationToken)
    {
        var read = await TargetProbe.ReadAsync(context.Client, context.Rules.Endpoints.Routes, cancellationToken).ConfigureAwait(false);
        return read.Succeeded ? JsonSerializer.Serialize(read.Report) : "unreadable: " + read.Error;
    }
}
