using System.Globalization;
using Harness.Engine.Gates.Kinds;
using Harness.Engine.Gates.Promql;
using Harness.Engine.Observability.Live;
using Harness.Engine.Plans;
using Harness.Engine.Targets;
using StageContract.Modes;

namespace Harness.Engine.Gates.Drills;

/// <summary>
/// The auto-downgrade drill through the real chain (contract sections 8 and 11, seed 002): with the
/// target enforcing under generated traffic, the drill waits until the alert is quiet, lets it through
/// Alertmanager's silence, injects unknown stages, and watches each link: the rule fires in Prometheus,
/// Alertmanager receives it and posts it to the webhook with the bearer token, and stage requests are
/// answered in warn, probe after probe on fresh connections. The value is the time from the rule firing
/// to behavioural warn. When the downgrade does not come, the reason names the broken link (the rule,
/// Prometheus to Alertmanager, Alertmanager to the webhook, or the service). The self-report must agree,
/// and enforce is restored with the ops API afterwards, as in <see cref="AutoDowngradeDrillGate"/>,
/// which stays the harness-signed (HMAC) variant.
/// </summary>
public sealed class AlertChainDrillGate : IGate
{
    private const string Measured = "time from the alert rule firing in Prometheus until stage requests are answered in warn, through Alertmanager and the webhook";
    private readonly AlertChainDrillOptions _options;

    private AlertChainDrillGate(AlertChainDrillOptions options) => _options = options;

    /// <summary>The kind: its options, threshold and needs.</summary>
    public static GateKind Kind { get; } = GateKind.For<AlertChainDrillOptions>(GateKinds.AlertChainDrill,
        "with the target enforcing under generated traffic: unknown stages injected until the real alert rule fires in Prometheus, Alertmanager routes it to the webhook (bearer token), and probes are answered in warn, 5 in a row on fresh connections; the time from the rule firing to warn; a missing downgrade names the broken link; the self-report must agree; then enforce restored with the ops API",
        ThresholdUnit.Duration, "<= 30s", (_, options) => new AlertChainDrillGate(options)) with
    {
        RequiresUpperLimit = true,
        Needs = GateNeeds.DrillCredentials | GateNeeds.Prometheus | GateNeeds.Alertmanager,
    };

    /// <summary>Builds the gate from a spec (<see cref="GateKind.Create"/>).</summary>
    public static GateCreation Create(GateSpec spec) => Kind.Create(spec);

    /// <inheritdoc />
    public async Task<GateResult> EvaluateAsync(GateContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var threshold = context.Spec.Threshold!;
        var monitoring = context.Monitoring!;
        var alertmanager = monitoring.Alertmanager!;
        var opsToken = context.Credentials.OpsToken!;
        if (monitoring.Own && context.Credentials.WebhookBearerToken is null)
        {
            return GateResult.NotEvaluated(Measured,
                "stock Alertmanager authenticates to the webhook with a bearer token: set REHEARSE_WEBHOOK_TOKEN (the HMAC-signed variant is the auto-downgrade-drill gate)", threshold.Text);
        }

        if (ModeWatch.For(context) is not { } watch)
        {
            return GateResult.NotEvaluated(Measured, "the phase enforces no request, so there is nothing to downgrade", threshold.Text);
        }

        var before = await watch.ProbeAsync(cancellationToken).ConfigureAwait(false);
        if (before.Mode != EffectiveMode.Enforce)
        {
            return GateResult.NotEvaluated(Measured, $"the drill starts from enforce, but a probe of {before.Subject} was answered {before.Describe()}", threshold.Text);
        }

        var evidence = new List<Evidence> { new($"before: {before.Subject}", "enforce", before.Describe(), "") };
        var rule = await Try(() => monitoring.Prometheus.AlertRuleAsync(_options.Alert, cancellationToken)).ConfigureAwait(false);
        if (rule is null)
        {
            return GateResult.NotEvaluated(Measured, $"broken link: the rule. Prometheus has no alerting rule named {_options.Alert} (load observability/rules into it)", threshold.Text) with { Evidence = evidence };
        }

        var downgraded = AutoDowngradeDrillGate.Downgraded(context.Phase.Configuration, watch, context);
        var traffic = await PacedTraffic.StartAsync(context, _options.Rate, 0, cancellationToken).ConfigureAwait(false);
        GateResult result;
        try
        {
            result = await DrillAsync(context, monitoring, watch, downgraded, rule, traffic, evidence, cancellationToken).ConfigureAwait(false);
        }
        catch (PrometheusQueryException e)
        {
            result = GateResult.NotEvaluated(Measured, "the drill could not read the chain: " + e.Message, threshold.Text);
        }
        finally
        {
            await traffic.DisposeAsync().ConfigureAwait(false);
            try
            {
                await monitoring.CloseAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e) when (e is PrometheusQueryException or HttpRequestException)
            {
                evidence.Add(new Evidence("Alertmanager silence (restore)", "every alert of the job silenced again", "failed", e.Message));
            }
        }

        var restored = await watch.RestoreEnforceAsync(opsToken, evidence, CancellationToken.None).ConfigureAwait(false);
        return (result with
        {
            Status = restored || result.Status != GateStatus.Pass ? result.Status : GateStatus.Fail,
            Reason = result.Reason + (restored ? "; mode restored to enforce" : "; the mode could NOT be restored to enforce, restore it by hand"),
        }).WithEvidence(evidence);
    }

    private async Task<GateResult> DrillAsync(GateContext context, Monitoring monitoring, ModeWatch watch, EffectiveMode downgraded,
        PromAlertRule rule, PacedTraffic traffic, List<Evidence> evidence, CancellationToken cancellationToken)
    {
        var threshold = context.Spec.Threshold!;
        var alertmanager = monitoring.Alertmanager!;
        var time = TimeProvider.System; // real time: Prometheus, Alertmanager and the load run on the wall clock whatever clock the rehearsal was given
        var poll = TimeSpan.FromMilliseconds(_options.PollMilliseconds);
        // 1. Quiet: the alert must be inactive under clean traffic, so that the firing the drill times is its own.
        var quietBy = time.GetUtcNow().AddSeconds(monitoring.Settings.RuleWindowSeconds + rule.ForSeconds + 30);
        while (await AlertAsync(monitoring, cancellationToken).ConfigureAwait(false) is { } active)
        {
            if (time.GetUtcNow() > quietBy)
            {
                return GateResult.NotEvaluated(Measured,
                    $"{_options.Alert} stayed {active.State} under clean traffic, so the drill cannot time a firing of its own (is the rule's expression true without unknown stages?)", threshold.Text);
            }

            await Task.Delay(poll, cancellationToken).ConfigureAwait(false);
        }

        // 2. Open the chain for this alert alone, then inject.
        var notificationsBefore = await alertmanager.WebhookNotificationsAsync(cancellationToken).ConfigureAwait(false);
        await monitoring.OpenForAsync(_options.Alert, cancellationToken).ConfigureAwait(false);
        var injected = time.GetUtcNow();
        traffic.UnknownShare = _options.UnknownShare;
        evidence.Add(new Evidence("injection", string.Create(CultureInfo.InvariantCulture, $"{100 * _options.UnknownShare:0.#}% of {_options.Rate:0}/s with an unknown stage"), At(injected, injected), $"{_options.Alert} was inactive before; Alertmanager lets only it through"));

        // 3. The rule fires.
        PromAlert? firing = null;
        var fireBy = injected.AddSeconds(_options.FireTimeout);
        while (time.GetUtcNow() < fireBy)
        {
            var alert = await AlertAsync(monitoring, cancellationToken).ConfigureAwait(false);
            if (alert?.State == "firing")
            {
                firing = alert;
                break;
            }

            await Task.Delay(poll, cancellationToken).ConfigureAwait(false);
        }

        var seenFiring = time.GetUtcNow();
        if (firing is null)
        {
            var value = await Try(async () => await monitoring.Prometheus.QueryAsync(rule.Query, null, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
            var scrape = await PromqlGate.ScrapeHealthAsync(monitoring, cancellationToken).ConfigureAwait(false);
            evidence.Add(new Evidence($"rule {_options.Alert}", "firing", "never fired",
                $"expression {rule.Query} is {(value is null || value.Count == 0 ? "empty" : string.Join(", ", value.Select(s => s.LabelText + " " + s.Points[^1].Value.ToString("0.####", CultureInfo.InvariantCulture))))}; rule health {rule.Health} {rule.LastError}; scrape: {scrape}"));
            return Fail(null, string.Create(CultureInfo.InvariantCulture,
                $"broken link: the rule. {_options.Alert} never fired in Prometheus within {_options.FireTimeout:0}s of injecting {100 * _options.UnknownShare:0.#}% unknown stages ({(value is null || value.Count == 0 ? $"its expression {rule.Query.ReplaceLineEndings(" ")} never held" : $"its expression holds, but not for the rule's for: of {rule.ForSeconds:0.###}s within the time")}; scrape: {scrape})"));
        }

        // Prometheus fires at the first evaluation at or after activeAt + for: take that moment, never later than it was seen.
        var firedAt = firing.ActiveAt is { } activeAt && activeAt.AddSeconds(rule.ForSeconds) <= seenFiring ? activeAt.AddSeconds(rule.ForSeconds) : seenFiring;
        evidence.Add(new Evidence($"rule {_options.Alert}", "firing",
            $"pending {(firing.ActiveAt is { } a ? At(a, injected) : "?")}, firing {At(firedAt, injected)}", string.Create(CultureInfo.InvariantCulture, $"for: {rule.ForSeconds:0.###}s")));

        // 4. Requests answered in warn.
        var waitStarted = time.GetUtcNow();
        var remaining = firedAt.AddSeconds(threshold.Value + 5) - waitStarted;
        var (waited, last) = await watch.WaitForAsync(downgraded, remaining > TimeSpan.Zero ? remaining : TimeSpan.FromSeconds(1), _options.PollMilliseconds, cancellationToken).ConfigureAwait(false);
        var notifications = (await alertmanager.WebhookNotificationsAsync(cancellationToken).ConfigureAwait(false)).Since(notificationsBefore);
        var held = await Try<IReadOnlyList<AmAlert>>(async () => await alertmanager.AlertsAsync(cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
        var inAlertmanager = held?.Where(a => a.Name == _options.Alert && a.Labels.GetValueOrDefault("job") is var j && (j is null || j == monitoring.Settings.Job)).ToList();
        evidence.Add(new Evidence("Alertmanager", "received, one notification delivered to the webhook",
            (inAlertmanager is null ? "alerts unreadable" : inAlertmanager.Count == 0 ? "alert not received" : "alert " + inAlertmanager[0].State)
            + string.Create(CultureInfo.InvariantCulture, $"; webhook requests: {notifications.Sent:0} made, {notifications.Failed:0} failed, {notifications.Delivered:0} delivered"),
            monitoring.WebhookUrl is { } url ? $"posting to {url}" : ""));
        var read = await TargetProbe.ReadAsync(context.Client, context.Rules.Endpoints.Routes, cancellationToken).ConfigureAwait(false);
        var reported = read.Succeeded ? read.Report.Mode : null;
        if (waited is not { } w)
        {
            evidence.Add(new Evidence($"after: {ModeWatch.Consecutive} probes in a row of {watch.Endpoint}", downgraded.ToWire(), $"not reached; last {last.Describe()}", ""));
            return Fail(null, BrokenLink(inAlertmanager, notifications, monitoring, last, reported));
        }

        var warnAt = waitStarted.AddSeconds(w);
        var seconds = Math.Max(0, (warnAt - firedAt).TotalSeconds);
        evidence.Add(new Evidence($"after: {ModeWatch.Consecutive} probes in a row of {watch.Endpoint}", downgraded.ToWire(), $"{downgraded.ToWire()} {At(warnAt, injected)}", ""));
        var agrees = reported is null || reported == "warn";
        evidence.Add(new Evidence("self-report after the alert", "warn (or unreadable)", read.Succeeded ? reported ?? "no mode reported" : "unreadable: " + read.Error,
            agrees ? "" : "the target says one mode and answers in another"));
        var inTime = threshold.IsMetBy(seconds);
        var reason = string.Create(CultureInfo.InvariantCulture,
            $"rule-to-warn {seconds:0.###}s: the rule fired {(firedAt - injected).TotalSeconds:0.#}s after the injection, and requests were answered in {downgraded.ToWire()} {seconds:0.###}s after that (Alertmanager: {notifications.Delivered:0} notification(s) delivered), threshold {threshold.Text}: {(inTime ? "met" : "not met")}")
            + (agrees ? "" : $"; the self-report says '{reported}'");
        return new GateResult
        {
            Status = inTime && agrees ? GateStatus.Pass : GateStatus.Fail,
            Measured = Measured,
            Value = seconds,
            ValueText = string.Create(CultureInfo.InvariantCulture, $"{seconds:0.###}s"),
            Threshold = threshold.Text,
            SampleSize = 1,
            Reason = reason,
        };

        GateResult Fail(double? value, string reason) => new()
        {
            Status = GateStatus.Fail,
            Measured = Measured,
            Value = value,
            ValueText = "not downgraded",
            Threshold = threshold.Text,
            SampleSize = 1,
            Reason = reason,
        };
    }

    private string BrokenLink(IReadOnlyList<AmAlert>? inAlertmanager, WebhookNotifications notifications, Monitoring monitoring, ProbeObservation last, string? reported)
    {
        if (inAlertmanager is { Count: 0 })
        {
            return $"broken link: Prometheus to Alertmanager. {_options.Alert} fired in Prometheus but Alertmanager never received it (is Alertmanager in Prometheus's alerting configuration?)";
        }

        if (inAlertmanager is { Count: > 0 } && inAlertmanager.All(a => a.State == "suppressed"))
        {
            return $"broken link: Alertmanager. {_options.Alert} is held but silenced or inhibited, so nothing is sent";
        }

        if (notifications.Sent == 0)
        {
            return $"broken link: Alertmanager to the webhook. Alertmanager holds {_options.Alert} but sent no webhook notification (is the route's receiver the service's webhook?)";
        }

        if (notifications.Delivered <= 0)
        {
            var error = monitoring.AlertmanagerProcess?.LogLines("Notify attempt failed", 1) is [var line] && line.IndexOf("err=", StringComparison.Ordinal) is var at and >= 0 ? "; Alertmanager's log: " + line[at..].Trim() : "";
            return string.Create(CultureInfo.InvariantCulture,
                $"broken link: Alertmanager to the webhook. {notifications.Failed:0} of its {notifications.Sent:0} request(s) to {monitoring.WebhookUrl?.ToString() ?? "the webhook"} failed and none was delivered (unreachable, or the credentials refused){error}");
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"broken link: the service. Alertmanager delivered {notifications.Delivered:0} notification(s) to the webhook, but requests are still answered {last.Describe()}")
            + (reported == "warn" ? "; the target reports warn while it still answers like this" : "");
    }

    private async Task<PromAlert?> AlertAsync(Monitoring monitoring, CancellationToken cancellationToken)
    {
        var alerts = await monitoring.Prometheus.AlertsAsync(cancellationToken).ConfigureAwait(false);
        return alerts.Where(a => a.Name == _options.Alert && (!a.Labels.TryGetValue("job", out var job) || job == monitoring.Settings.Job))
            .OrderBy(a => a.State == "firing" ? 0 : 1).FirstOrDefault();
    }

    private static async Task<T?> Try<T>(Func<Task<T?>> read) where T : class
    {
        try
        {
            return await read().ConfigureAwait(false);
        }
        catch (PrometheusQueryException)
        {
            return null;
        }
    }

    private static string At(DateTimeOffset at, DateTimeOffset origin) =>
        string.Create(CultureInfo.InvariantCulture, $"at +{(at - origin).TotalSeconds:0.###}s");
}
