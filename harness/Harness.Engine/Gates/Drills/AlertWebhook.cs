using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Flurl.Http;
using Harness.Engine.Targets;

namespace Harness.Engine.Gates.Drills;

/// <summary>
/// Talks to a target's auto-downgrade webhook (contract section 8) as Alertmanager would, and as
/// an attacker would: firing notifications, HMAC signatures over <c>&lt;timestamp&gt;.&lt;body&gt;</c>
/// with a chosen timestamp and key, or the bearer token; every answer comes back as its status and body.
/// </summary>
public sealed class AlertWebhook(IFlurlClient client)
{
    /// <summary>The webhook's path.</summary>
    public const string Path = "_ops/stage-validation/auto-downgrade";

    /// <summary>A firing Alertmanager notification (webhook version 4) with its own group key.</summary>
    public static byte[] Notification(string groupKey, string startsAt = "2026-01-01T00:00:00Z") =>
        Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
        {
            version = "4",
            status = "firing",
            groupKey,
            alerts = new[] { new { status = "firing", labels = new { alertname = "StageValidationRehearsalDrill" }, startsAt } },
        }));

    /// <summary>A group key no earlier run used.</summary>
    public static string FreshGroupKey(int seed, string purpose) =>
        $"rehearse-{purpose}-{seed.ToString(CultureInfo.InvariantCulture)}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}";

    /// <summary>The signature header value: <c>sha256=</c> and the HMAC-SHA256 of <c>&lt;timestamp&gt;.&lt;body&gt;</c>.</summary>
    public static string Signature(string key, string timestamp, byte[] body)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(body);
        var message = Encoding.ASCII.GetBytes(timestamp + ".").Concat(body).ToArray();
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), message));
    }

    /// <summary>The target's clock, from the <c>Date</c> header of its self-report (the window is judged there); null when it sends none or does not answer.</summary>
    public async Task<DateTimeOffset?> ServerTimeAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.Path(TargetProbe.DeprecationsPath).GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return response.ResponseMessage.Headers.Date;
        }
        catch (FlurlHttpException e)
        {
            TargetClient.ThrowIfCancelled(e, cancellationToken);
            return null;
        }
    }

    /// <summary>
    /// Posts <paramref name="body"/> with the given signature and timestamp headers (either may be null) or bearer token;
    /// status 0 and the reason when nothing answered (refused, reset, timed out).
    /// </summary>
    public async Task<(int Status, string Body)> PostAsync(byte[] body, string? signature, string? timestamp, string? bearer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var request = client.Path(Path);
        if (signature is not null)
        {
            request = request.WithHeader("X-Alertmanager-Signature", signature);
        }

        if (timestamp is not null)
        {
            request = request.WithHeader("X-Alertmanager-Timestamp", timestamp);
        }

        if (bearer is not null)
        {
            request = request.WithOAuthBearerToken(bearer);
        }

        // The exact bytes: the signature is computed over them.
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        try
        {
            using var response = await request.PostAsync(content, cancellationToken: cancellationToken).ConfigureAwait(false);
            var text = await response.GetStringAsync().ConfigureAwait(false);
            return (response.StatusCode, text.Length > 300 ? text[..300] + "..." : text);
        }
        catch (FlurlHttpException e)
        {
            TargetClient.ThrowIfCancelled(e, cancellationToken);
            return (0, "no answer: " + TargetClient.Describe(e));
        }
        catch (HttpRequestException e)
        {
            return (0, "answer broke off: " + e.Message);
        }
    }

    /// <summary>A signed (when a key is known and the target's time is) or bearer-authenticated firing alert, as Alertmanager sends it.</summary>
    public async Task<(int Status, string Body)> FireAsync(TargetCredentials credentials, byte[] body, DateTimeOffset? serverTime, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        if (credentials.WebhookHmacKey is { } key && serverTime is { } now)
        {
            var timestamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            return await PostAsync(body, Signature(key, timestamp, body), timestamp, null, cancellationToken).ConfigureAwait(false);
        }

        return await PostAsync(body, null, null, credentials.WebhookBearerToken, cancellationToken).ConfigureAwait(false);
    }
}
