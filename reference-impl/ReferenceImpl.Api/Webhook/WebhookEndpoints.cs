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

    /// <summary>How the audit entry of a downgrade names its actor: this prefix, then the way in (<c>hmac</c> or <c>bearer</c>).</summary>
    public const string ActorPrefix = "alertmanager/";

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

        var entry = await modes.SetAsync(ValidationMode.Warn, ActorPrefix + auth.Method,
            "auto-downgrade: " + notification.Summary, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new DowngradeResult(true, entry.Old.ToWire(), entry.New.ToWire()));
    }
}
