using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using ReferenceImpl.Api.Json;
using ReferenceImpl.Api.ModeStore;
using ReferenceImpl.Api.Problems;
using StageContract.Modes;

namespace ReferenceImpl.Api.Webhook;

/// <summary>
/// <c>POST /_ops/stage-validation/auto-downgrade</c> (contract section 8): a firing alert sets the
/// global mode from enforce to warn. Authentication before parsing; 401 bad credentials, 409
/// replay, 400 malformed body; success is idempotent (already warn or off: 200, nothing changed).
/// </summary>
public static class WebhookEndpoints
{
    public const string Route = "/_ops/stage-validation/auto-downgrade";

    /// <summary>How long a bearer delivery (groupKey + alert start times) is remembered.</summary>
    public static readonly TimeSpan BearerReplayWindow = TimeSpan.FromHours(1);

    public static IEndpointRouteBuilder MapWebhook(this IEndpointRouteBuilder routes)
    {
        routes.MapPost(Route, ReceiveAsync);
        return routes;
    }

    private static async Task<Results<Ok<DowngradeResult>, ProblemHttpResult>> ReceiveAsync(
        HttpContext context, WebhookAuthenticator authenticator, IReplayStore replays, ModeProvider modes, ILogger<WebhookAuthenticator> logger,
        CancellationToken cancellationToken)
    {
        var (bytes, problem) = await JsonBody.ReadBytesAsync(context, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var auth = authenticator.Authenticate(context, bytes.Span);
        if (!auth.Succeeded)
        {
            return Problem.Create(context, StatusCodes.Status401Unauthorized, ServiceProblemCodes.Unauthorized, "Unauthorized", auth.Failure);
        }

        if (AlertNotification.Parse(bytes) is not { } notification)
        {
            return Problem.Create(context, StatusCodes.Status400BadRequest, ServiceProblemCodes.MalformedJson, "Malformed alert notification",
                "expected an Alertmanager webhook body: {status, groupKey, alerts: [{status, labels, startsAt}]}");
        }

        var (key, ttl) = auth.Signature is { } signature
            ? ("sig:" + signature, WebhookAuthenticator.Window * 2)
            : ("grp:" + notification.ReplayKey, BearerReplayWindow);
        bool first;
        try
        {
            first = await replays.TryRememberAsync(key, ttl, cancellationToken).ConfigureAwait(false);
        }
        catch (ReplayStoreUnavailableException e)
        {
            logger.LogWarning("auto-downgrade webhook: {Reason}; answering 503 so that the sender retries", e.Message);
            return Problem.Create(context, StatusCodes.Status503ServiceUnavailable, ServiceProblemCodes.ReplayStoreUnavailable, "Replay store unavailable",
                "the replay check cannot be made right now; retry (a check that cannot be made is never skipped)");
        }

        if (!first)
        {
            return Problem.Create(context, StatusCodes.Status409Conflict, ServiceProblemCodes.Replay, "Replayed notification", "this notification was already received");
        }

        var current = await modes.CurrentAsync(cancellationToken).ConfigureAwait(false);
        if (!notification.Firing || current != ValidationMode.Enforce)
        {
            logger.LogInformation("auto-downgrade webhook: nothing to do (firing: {Firing}, mode: {Mode})", notification.Firing, current);
            return TypedResults.Ok(new DowngradeResult(false, current.ToWire(), current.ToWire()));
        }

        var entry = await modes.SetAsync(ValidationMode.Warn, "alertmanager/" + auth.Method,
            "auto-downgrade: " + notification.Summary, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new DowngradeResult(true, entry.Old.ToWire(), entry.New.ToWire()));
    }
}

/// <summary>What the webhook did.</summary>
public sealed record DowngradeResult(bool Changed, string From, string To);

/// <summary>The parts of an Alertmanager webhook body the downgrade needs.</summary>
public sealed record AlertNotification(bool Firing, string ReplayKey, string Summary)
{
    /// <summary>Null when the body is not an Alertmanager notification.</summary>
    public static AlertNotification? Parse(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("alerts", out var alerts) || alerts.ValueKind != JsonValueKind.Array
                || !root.TryGetProperty("groupKey", out var groupKey) || groupKey.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            var firing = root.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.String && status.GetString() == "firing";
            var starts = new List<string>();
            var names = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var alert in alerts.EnumerateArray())
            {
                if (alert.ValueKind != JsonValueKind.Object)
                {
                    return null;
                }

                var alertFiring = alert.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.String && s.GetString() == "firing";
                firing |= alertFiring;
                if (alertFiring && alert.TryGetProperty("startsAt", out var startsAt) && startsAt.ValueKind == JsonValueKind.String)
                {
                    starts.Add(startsAt.GetString()!);
                }

                if (alert.TryGetProperty("labels", out var labels) && labels.ValueKind == JsonValueKind.Object
                    && labels.TryGetProperty("alertname", out var name) && name.ValueKind == JsonValueKind.String && names.Count < 5)
                {
                    names.Add(Printable(name.GetString()!));
                }
            }

            starts.Sort(StringComparer.Ordinal);
            var summary = (names.Count == 0 ? "alert" : string.Join(",", names)) + (firing ? " firing" : " resolved");
            return new AlertNotification(firing, groupKey.GetString() + "|" + string.Join(",", starts), summary);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a string escaping an unpaired surrogate cannot be read.
            return null;
        }
    }

    private static string Printable(string text) =>
        new([.. text.Take(64).Select(c => c is >= ' ' and < '\x7f' ? c : '?')]);
}
