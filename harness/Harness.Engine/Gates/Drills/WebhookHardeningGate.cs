using System.Globalization;
using Harness.Engine.Plans;
using StageContract.Modes;
using Harness.Engine.Gates.Kinds;

namespace Harness.Engine.Gates.Drills;

/// <summary>
/// The auto-downgrade webhook's security (contract section 8), attacked the way an outsider or a
/// misbehaving sender would: unsigned, wrongly signed, body tampered after signing, signed too long
/// ago, signed too far in the future and wrong bearer token must each be refused with 401 and leave
/// the mode unchanged (checked by behaviour); a replayed signed alert and a replayed alert group
/// (bearer: same <c>groupKey</c> and start times) must be refused with 409. The two replay checks need
/// a valid first delivery, which downgrades the target: each is followed by a restore to enforce with
/// the ops API, checked by behaviour. Checks whose credential is missing are listed as not run;
/// at least one valid credential and the ops token are required.
/// </summary>
public sealed class WebhookHardeningGate : IGate
{
    private const string Measured = "attacks on the auto-downgrade webhook that were not refused as the contract says";
    private const int WindowSeconds = 300;
    private WebhookHardeningGate()
    {
    }

    /// <summary>The kind: its options (none), threshold and needs.</summary>
    public static GateKind Kind { get; } = GateKind.For<WebhookHardeningOptions>(GateKinds.WebhookHardening,
        "attacks on the auto-downgrade webhook: unsigned, wrongly signed, body changed after signing, signed 600 s ago, signed 600 s ahead and a wrong bearer token must be refused with 401 and leave the mode enforce (by behaviour); a replayed signed alert and a replayed alert group must be refused with 409; enforce restored after each valid delivery",
        ThresholdUnit.Count, "== 0", (_, _) => new WebhookHardeningGate()) with
    {
        DefaultThreshold = "== 0",
        Needs = GateNeeds.DrillCredentials,
    };

    /// <summary>Builds the gate from a spec (<see cref="GateKind.Create"/>).</summary>
    public static GateCreation Create(GateSpec spec) => Kind.Create(spec);

    /// <inheritdoc />
    public async Task<GateResult> EvaluateAsync(GateContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var threshold = context.Spec.Threshold ?? Threshold.Parse("== 0");
        var credentials = context.Credentials;
        if (credentials.OpsToken is null || (credentials.WebhookHmacKey is null && credentials.WebhookBearerToken is null))
        {
            return GateResult.NotEvaluated(Measured,
                "the attacks need REHEARSE_OPS_TOKEN (to restore the mode) and REHEARSE_WEBHOOK_HMAC_KEY or REHEARSE_WEBHOOK_TOKEN; not run", threshold.Text);
        }

        if (ModeWatch.For(context) is not { } watch)
        {
            return GateResult.NotEvaluated(Measured, "the phase enforces no request, so a downgrade cannot be seen", threshold.Text);
        }

        var start = await watch.ProbeAsync(cancellationToken).ConfigureAwait(false);
        if (start.Mode != EffectiveMode.Enforce)
        {
            return GateResult.NotEvaluated(Measured, $"the attacks start from enforce, but a probe of {start.Subject} was answered {start.Describe()}", threshold.Text);
        }

        var webhook = new AlertWebhook(context.Client);
        var now = await webhook.ServerTimeAsync(cancellationToken).ConfigureAwait(false) ?? context.TimeProvider.GetUtcNow();
        var checks = new List<(string Attack, int Expected, int Got, string Detail)>();
        async Task Attack(string name, int expected, byte[] body, string? signature, string? timestamp, string? bearer)
        {
            var (status, answer) = await webhook.PostAsync(body, signature, timestamp, bearer, cancellationToken).ConfigureAwait(false);
            checks.Add((name, expected, status, answer));
        }

        string Stamp(long offsetSeconds) => (now.ToUnixTimeSeconds() + offsetSeconds).ToString(CultureInfo.InvariantCulture);
        var key = credentials.WebhookHmacKey ?? "rehearse-no-key-known-0123456789abcdef";
        var body = AlertWebhook.Notification(AlertWebhook.FreshGroupKey(context.Seed, "attack"));
        var other = AlertWebhook.Notification(AlertWebhook.FreshGroupKey(context.Seed, "tampered"));
        await Attack("unsigned, no token", 401, body, null, null, null).ConfigureAwait(false);
        await Attack("signed with a wrong key", 401, body, AlertWebhook.Signature(key + "-wrong", Stamp(0), body), Stamp(0), null).ConfigureAwait(false);
        await Attack("body changed after signing", 401, other, AlertWebhook.Signature(key, Stamp(0), body), Stamp(0), null).ConfigureAwait(false);
        await Attack($"signed {WindowSeconds + 300} s ago", 401, body, AlertWebhook.Signature(key, Stamp(-(WindowSeconds + 300)), body), Stamp(-(WindowSeconds + 300)), null).ConfigureAwait(false);
        await Attack($"signed {WindowSeconds + 300} s in the future", 401, body, AlertWebhook.Signature(key, Stamp(WindowSeconds + 300), body), Stamp(WindowSeconds + 300), null).ConfigureAwait(false);
        await Attack("wrong bearer token", 401, body, null, null, (credentials.WebhookBearerToken ?? "rehearse") + "-wrong").ConfigureAwait(false);
        var evidence = new List<Evidence>();
        var unchanged = await watch.WaitForAsync(EffectiveMode.Enforce, TimeSpan.Zero, 0, cancellationToken).ConfigureAwait(false);
        var restoreFailures = 0;
        evidence.Add(new Evidence("mode after the refused attacks", "enforce (by behaviour)", unchanged.Last.Describe(), ""));

        if (credentials.WebhookHmacKey is { } hmac)
        {
            var signed = AlertWebhook.Notification(AlertWebhook.FreshGroupKey(context.Seed, "replay-hmac"));
            var stamp = Stamp(0);
            var signature = AlertWebhook.Signature(hmac, stamp, signed);
            await Attack("valid signed alert (first delivery)", 200, signed, signature, stamp, null).ConfigureAwait(false);
            await Attack("the same signed alert again (replay)", 409, signed, signature, stamp, null).ConfigureAwait(false);
            restoreFailures += await RestoreAsync(watch, credentials.OpsToken, evidence, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            evidence.Add(new Evidence("signature replay", "refused with 409", "not run", "no REHEARSE_WEBHOOK_HMAC_KEY"));
        }

        if (credentials.WebhookBearerToken is { } token)
        {
            var group = AlertWebhook.FreshGroupKey(context.Seed, "replay-group");
            await Attack("valid bearer alert (first delivery)", 200, AlertWebhook.Notification(group), null, null, token).ConfigureAwait(false);
            await Attack("the same alert group again (replay)", 409, AlertWebhook.Notification(group), null, null, token).ConfigureAwait(false);
            restoreFailures += await RestoreAsync(watch, credentials.OpsToken, evidence, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            evidence.Add(new Evidence("alert group replay", "refused with 409", "not run", "no REHEARSE_WEBHOOK_TOKEN"));
        }

        var failures = checks.Count(c => c.Got != c.Expected) + (unchanged.Seconds is null ? 1 : 0) + restoreFailures;
        var rows = checks.Select(c => new Evidence(c.Attack, c.Expected.ToString(CultureInfo.InvariantCulture), c.Got.ToString(CultureInfo.InvariantCulture),
            c.Got == c.Expected ? "" : "NOT AS THE CONTRACT SAYS: " + c.Detail)).OrderBy(e => e.Detail!.Length == 0).ToList();
        var pass = threshold.IsMetBy(failures);
        var wrong = checks.Where(c => c.Got != c.Expected).Select(c => $"{c.Attack}: {c.Got}, expected {c.Expected}").ToList();
        return new GateResult
        {
            Status = pass ? GateStatus.Pass : GateStatus.Fail,
            Measured = Measured,
            Value = failures,
            ValueText = failures.ToString(CultureInfo.InvariantCulture),
            Threshold = threshold.Text,
            SampleSize = checks.Count,
            Reason = failures == 0
                ? string.Create(CultureInfo.InvariantCulture, $"all {checks.Count} attacks refused as the contract says; the mode stayed enforce and was restored after each valid delivery")
                : $"{failures} check(s) failed: " + string.Join("; ", wrong.Concat(unchanged.Seconds is null ? ["a refused alert changed the mode"] : []).Concat(restoreFailures > 0 ? ["the mode could NOT be restored to enforce, restore it by hand"] : []).Take(5)),
        }.WithEvidence([.. rows, .. evidence]);
    }

    private static async Task<int> RestoreAsync(ModeWatch watch, string opsToken, List<Evidence> evidence, CancellationToken cancellationToken)
    {
        var restored = await watch.RestoreEnforceAsync(opsToken, evidence, cancellationToken).ConfigureAwait(false);
        if (!restored)
        {
            evidence[^1] = evidence[^1] with { Detail = "FAILED" };
        }

        return restored ? 0 : 1;
    }
}
