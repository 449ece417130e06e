using System.Diagnostics;
using System.Globalization;
using Harness.Engine.Plans;
using Harness.Engine.Targets;
using StageContract.Modes;
using Harness.Engine.Gates.Kinds;

namespace Harness.Engine.Gates.Drills;

/// <summary>
/// The auto-downgrade drill of contract sections 8 and 11: with the target enforcing, send a firing
/// alert to its webhook as Alertmanager would (HMAC-signed with the target's own clock from its
/// <c>Date</c> header when a key is known, else the bearer token) and measure the real time until
/// stage requests are answered in warn, by behaviour: several probes in a row, each on a connection
/// of its own, must be served instead of rejected (a self-report that says warn while requests are
/// still rejected, on one instance or all, is not a downgrade). The self-report must then agree.
/// Finally the mode is put back to enforce with the ops API, and that too is checked by behaviour.
/// It never starts without the ops token, so a drill cannot leave a target downgraded.
/// </summary>
public sealed class AutoDowngradeDrillGate : IGate
{
    private const string Measured = "time from a firing alert at the webhook until stage requests are answered in warn";
    private readonly AutoDowngradeDrillOptions _options;

    private AutoDowngradeDrillGate(AutoDowngradeDrillOptions options) => _options = options;

    /// <summary>The kind: its options, threshold and needs.</summary>
    public static GateKind Kind { get; } = GateKind.For<AutoDowngradeDrillOptions>(GateKinds.AutoDowngradeDrill,
        "with the target enforcing: a firing alert sent to its webhook as Alertmanager would (HMAC-signed with the target's clock, else the bearer token); real time until probes are answered in warn, 5 in a row on fresh connections; the self-report must agree; then enforce restored with the ops API, checked by behaviour",
        ThresholdUnit.Duration, "<= 30s", (_, options) => new AutoDowngradeDrillGate(options)) with
    {
        RequiresUpperLimit = true,
        Needs = GateNeeds.DrillCredentials,
    };

    /// <summary>Builds the gate from a spec (<see cref="GateKind.Create"/>).</summary>
    public static GateCreation Create(GateSpec spec) => Kind.Create(spec);

    /// <inheritdoc />
    public async Task<GateResult> EvaluateAsync(GateContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var threshold = context.Spec.Threshold!;
        var credentials = context.Credentials;
        if (credentials.OpsToken is null || (credentials.WebhookHmacKey is null && credentials.WebhookBearerToken is null))
        {
            return GateResult.NotEvaluated(Measured,
                "the drill needs REHEARSE_OPS_TOKEN (to restore the mode) and REHEARSE_WEBHOOK_HMAC_KEY or REHEARSE_WEBHOOK_TOKEN; not run", threshold.Text);
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

        var downgraded = Downgraded(context.Phase.Configuration, watch, context);
        var webhook = new AlertWebhook(context.Client);
        var evidence = new List<Evidence> { new($"before: {before.Subject}", "enforce", before.Describe(), "") };
        var body = AlertWebhook.Notification(AlertWebhook.FreshGroupKey(context.Seed, "drill"));
        var serverTime = await webhook.ServerTimeAsync(cancellationToken).ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        var (status, answer) = await webhook.FireAsync(credentials, body, serverTime, cancellationToken).ConfigureAwait(false);
        evidence.Add(new Evidence("POST /" + AlertWebhook.Path, "200", status.ToString(CultureInfo.InvariantCulture), answer));
        if (status is < 200 or >= 300)
        {
            await watch.RestoreEnforceAsync(credentials.OpsToken, evidence, cancellationToken).ConfigureAwait(false);
            return new GateResult { Status = GateStatus.Fail, Measured = Measured, Threshold = threshold.Text, Reason = $"the webhook refused the alert with {status}" }.WithEvidence(evidence);
        }

        var timeout = TimeSpan.FromSeconds(threshold.Value + 1);
        var waitStarted = clock.Elapsed.TotalSeconds;
        var (waited, last) = await watch.WaitForAsync(downgraded, timeout, _options.PollMilliseconds, cancellationToken).ConfigureAwait(false);
        var seconds = waited + waitStarted;
        var elapsed = clock.Elapsed.TotalSeconds;
        evidence.Add(new Evidence($"after: {ModeWatch.Consecutive} probes in a row of {watch.Endpoint}", downgraded.ToWire(),
            seconds is null ? $"not reached; last {last.Describe()}" : string.Create(CultureInfo.InvariantCulture, $"{downgraded.ToWire()} after {seconds:0.###}s"), ""));
        var read = await TargetProbe.ReadAsync(context.Client, context.Rules.Endpoints.Routes, cancellationToken).ConfigureAwait(false);
        var selfReportAgrees = !read.Succeeded || read.Report.Mode is null || read.Report.Mode == "warn";
        evidence.Add(new Evidence("self-report after the alert", "warn (or unreadable)",
            read.Succeeded ? read.Report.Mode ?? "no mode reported" : "unreadable: " + read.Error, selfReportAgrees ? "" : "the target says one mode and answers in another"));
        var restored = await watch.RestoreEnforceAsync(credentials.OpsToken, evidence, cancellationToken).ConfigureAwait(false);
        var inTime = seconds is { } t && threshold.IsMetBy(t);
        var text = seconds is { } v ? string.Create(CultureInfo.InvariantCulture, $"{v:0.###}s") : "not downgraded";
        return new GateResult
        {
            Status = inTime && selfReportAgrees && restored ? GateStatus.Pass : GateStatus.Fail,
            Measured = Measured,
            Value = seconds,
            ValueText = text,
            Threshold = threshold.Text,
            SampleSize = 1,
            Reason = (seconds is { } w
                    ? string.Create(CultureInfo.InvariantCulture, $"requests answered in {downgraded.ToWire()} {w:0.###}s after the alert ({ModeWatch.Consecutive} probes in a row), threshold {threshold.Text}: {(inTime ? "met" : "not met")}")
                    : string.Create(CultureInfo.InvariantCulture, $"requests still answered {last.Describe()} {elapsed:0.#}s after the alert"))
                + (selfReportAgrees ? "" : $"; the self-report says '{read.Report!.Mode}'")
                + (restored ? "; mode restored to enforce" : "; the mode could NOT be restored to enforce, restore it by hand"),
        }.WithEvidence(evidence);
    }

    /// <summary>The mode the probe must show once the global mode is warn: warn, or shadow with dry run.</summary>
    internal static EffectiveMode Downgraded(PhaseConfiguration phase, ModeWatch watch, GateContext context)
    {
        var settings = phase.ToModeSettings() with { GlobalMode = ValidationMode.Warn };
        return context.Rules.Decider.Decide(settings, watch.Endpoint.Method, watch.Endpoint.Route, watch.RequestId);
    }
}
