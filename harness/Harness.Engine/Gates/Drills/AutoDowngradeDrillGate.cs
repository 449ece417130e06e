using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Harness.Engine.Plans;
using Harness.Engine.Targets;

namespace Harness.Engine.Gates.Drills;

/// <summary>
/// The auto-downgrade drill of contract sections 8 and 11: with the target in enforce, send a
/// firing alert to its webhook as Alertmanager would (HMAC-signed when a key is known, else the
/// bearer token), time how long until <c>GET /api/deprecations</c> reports warn, then put the mode
/// back with the ops API. It never starts without the ops token, so a drill cannot leave a target
/// downgraded. The signature's timestamp is the target's own clock (its <c>Date</c> header), as
/// the webhook's 300 s window is judged there; elapsed time is real time.
/// </summary>
public sealed class AutoDowngradeDrillGate : IGate
{
    private const string Webhook = "_ops/stage-validation/auto-downgrade";
    private const string ModeRoute = "_ops/stage-validation/mode";
    private static readonly string[] KnownParameters = ["pollMilliseconds"];
    private readonly int _pollMilliseconds;

    private AutoDowngradeDrillGate(int pollMilliseconds) => _pollMilliseconds = pollMilliseconds;

    /// <summary>Factory. Parameters: <c>pollMilliseconds</c> (default 250). Threshold: an upper limit on the time to warn.</summary>
    public static GateCreation Create(GateSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (GateChecks.UnknownParameter(spec.Parameters, KnownParameters) is { } unknownParameter)
        {
            return GateCreation.Invalid(unknownParameter);
        }

        if (GateChecks.UpperLimit(spec, "<= 30s") is { } notUpperLimit)
        {
            return GateCreation.Invalid(notUpperLimit);
        }

        return spec.Parameters.TryGetInt("pollMilliseconds", 250, 10, 10_000, out var poll, out var error)
            ? GateCreation.Of(new AutoDowngradeDrillGate(poll))
            : GateCreation.Invalid(error);
    }

    /// <inheritdoc />
    public async Task<GateResult> EvaluateAsync(GateContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var threshold = context.Spec.Threshold!;
        const string Measured = "time from a firing alert at the webhook to the target reporting warn";
        var credentials = context.Credentials;
        if (credentials.OpsToken is null || (credentials.WebhookHmacKey is null && credentials.WebhookBearerToken is null))
        {
            return GateResult.NotEvaluated(Measured,
                "the drill needs REHEARSE_OPS_TOKEN (to restore the mode) and REHEARSE_WEBHOOK_HMAC_KEY or REHEARSE_WEBHOOK_TOKEN; not run", threshold.Text);
        }

        var before = await ModeAsync(context.Http, cancellationToken).ConfigureAwait(false);
        if (before.Mode != "enforce")
        {
            return GateResult.NotEvaluated(Measured, $"the drill starts from enforce; the target reports '{before.Mode ?? "nothing"}'", threshold.Text);
        }

        var body = Encoding.UTF8.GetBytes(Notification(context));
        var evidence = new List<Evidence>();
        var clock = Stopwatch.StartNew();
        using (var request = Sign(new HttpRequestMessage(HttpMethod.Post, new Uri(Webhook, UriKind.Relative)) { Content = new ByteArrayContent(body) }, body, credentials, before.ServerTime))
        {
            request.Content!.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await context.Http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            evidence.Add(new Evidence("POST /" + Webhook, "200", ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture),
                await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)));
            if (!response.IsSuccessStatusCode)
            {
                await RestoreAsync(context, credentials.OpsToken, evidence, cancellationToken).ConfigureAwait(false);
                return new GateResult { Status = GateStatus.Fail, Measured = Measured, Threshold = threshold.Text, Reason = $"the webhook refused the alert with {(int)response.StatusCode}" }.WithEvidence(evidence);
            }
        }

        string? mode = null;
        while (clock.Elapsed.TotalSeconds <= threshold.Value + 1)
        {
            mode = (await ModeAsync(context.Http, cancellationToken).ConfigureAwait(false)).Mode;
            if (mode == "warn")
            {
                break;
            }

            await Task.Delay(_pollMilliseconds, cancellationToken).ConfigureAwait(false);
        }

        var elapsed = clock.Elapsed.TotalSeconds;
        var restored = await RestoreAsync(context, credentials.OpsToken, evidence, cancellationToken).ConfigureAwait(false);
        var downgraded = mode == "warn";
        var inTime = downgraded && threshold.IsMetBy(elapsed);
        var text = string.Create(CultureInfo.InvariantCulture, $"{elapsed:0.###}s");
        return new GateResult
        {
            Status = inTime && restored ? GateStatus.Pass : GateStatus.Fail,
            Measured = Measured,
            Value = downgraded ? elapsed : null,
            ValueText = downgraded ? text : "not downgraded",
            Threshold = threshold.Text,
            SampleSize = 1,
            Reason = (downgraded ? $"enforce -> warn in {text}, threshold {threshold.Text}: {(inTime ? "met" : "not met")}" : $"still '{mode}' after {text}")
                + (restored ? "; mode restored to enforce" : "; the mode could NOT be restored to enforce, restore it by hand"),
        }.WithEvidence(evidence);
    }

    private static string Notification(GateContext context)
    {
        var group = $"rehearse-drill-{context.Seed}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}";
        return JsonSerializer.Serialize(new
        {
            version = "4",
            status = "firing",
            groupKey = group,
            alerts = new[]
            {
                new { status = "firing", labels = new { alertname = "StageValidationRehearsalDrill" }, startsAt = "2026-01-01T00:00:00Z" },
            },
        });
    }

    private static HttpRequestMessage Sign(HttpRequestMessage request, byte[] body, TargetCredentials credentials, DateTimeOffset? serverTime)
    {
        if (credentials.WebhookHmacKey is { } key && serverTime is { } now)
        {
            var timestamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            var message = Encoding.ASCII.GetBytes(timestamp + ".").Concat(body).ToArray();
            request.Headers.Add("X-Alertmanager-Signature", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), message)));
            request.Headers.Add("X-Alertmanager-Timestamp", timestamp);
        }
        else
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credentials.WebhookBearerToken);
        }

        return request;
    }

    private static async Task<bool> RestoreAsync(GateContext context, string opsToken, List<Evidence> evidence, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(ModeRoute, UriKind.Relative))
        {
            Content = new StringContent("{\"mode\":\"enforce\",\"reason\":\"rehearsal drill: restore\",\"actor\":\"rehearse\"}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", opsToken);
        using var response = await context.Http.SendAsync(request, CancellationToken.None).ConfigureAwait(false);
        evidence.Add(new Evidence("PUT /" + ModeRoute + " (restore)", "200", ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture), "mode back to enforce"));
        return response.IsSuccessStatusCode && (await ModeAsync(context.Http, cancellationToken).ConfigureAwait(false)).Mode == "enforce";
    }

    private static async Task<(string? Mode, DateTimeOffset? ServerTime)> ModeAsync(HttpClient http, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(new Uri(TargetProbe.DeprecationsPath, UriKind.Relative), cancellationToken).ConfigureAwait(false);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
            var mode = json.RootElement.TryGetProperty("mode", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            return (mode, response.Headers.Date);
        }
        catch (Exception e) when (e is HttpRequestException or JsonException)
        {
            return (null, null);
        }
    }
}
