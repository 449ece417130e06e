using System.Globalization;
using System.Text.Json;
using Flurl.Http;
using Harness.Engine.Metrics;
using Harness.Engine.Targets;

namespace Harness.Engine.Observability.Live;

/// <summary>An alert as Alertmanager holds it: name, labels and state (<c>active</c>, <c>suppressed</c>, <c>unprocessed</c>).</summary>
public sealed record AmAlert(string Name, IReadOnlyDictionary<string, string> Labels, string State);

/// <summary>Webhook requests Alertmanager has made, failed and delivered (its own counters).</summary>
/// <param name="Sent">Requests made (<c>alertmanager_notification_requests_total{integration="webhook"}</c>, counted when a request has returned).</param>
/// <param name="Failed">Requests that failed: unreachable, or not answered 2xx (<c>alertmanager_notification_requests_failed_total</c>, counted with it).</param>
public sealed record WebhookNotifications(double Sent, double Failed)
{
    /// <summary>Requests delivered (answered 2xx).</summary>
    public double Delivered => Sent - Failed;

    /// <summary>What happened between <paramref name="before"/> and this reading.</summary>
    public WebhookNotifications Since(WebhookNotifications before)
    {
        ArgumentNullException.ThrowIfNull(before);
        return new(Sent - before.Sent, Failed - before.Failed);
    }
}

/// <summary>
/// The part of Alertmanager's API v2 the drills use: silences (the rehearsal keeps every alert of the
/// target silenced except while a drill runs), the alerts it holds, and its webhook counters.
/// </summary>
public sealed class AlertmanagerApi(IFlurlClient client, TimeProvider time)
{
    /// <summary>The server's base address.</summary>
    public Uri BaseAddress => client.BaseAddress()!;

    /// <summary>True when <c>/-/ready</c> answers 200.</summary>
    public async Task<bool> ReadyAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.Path("-/ready").GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return response.StatusCode is >= 200 and < 300;
        }
        catch (FlurlHttpException e)
        {
            TargetClient.ThrowIfCancelled(e, cancellationToken);
            return false;
        }
    }

    /// <summary>Creates a silence of <paramref name="matchers"/> (name, value, equal) for <paramref name="duration"/>; returns its id.</summary>
    public async Task<string> SilenceAsync(IEnumerable<(string Name, string Value, bool Equal)> matchers, TimeSpan duration, string comment, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var body = new
        {
            matchers = matchers.Select(m => new { name = m.Name, value = m.Value, isRegex = false, isEqual = m.Equal }).ToArray(),
            startsAt = now.AddSeconds(-1).ToString("O", CultureInfo.InvariantCulture),
            endsAt = now.Add(duration).ToString("O", CultureInfo.InvariantCulture),
            createdBy = "rehearse",
            comment,
        };
        string text;
        int status;
        try
        {
            using var response = await client.Path("api/v2/silences").PostJsonAsync(body, cancellationToken: cancellationToken).ConfigureAwait(false);
            status = response.StatusCode;
            text = await response.GetStringAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is FlurlHttpException or HttpRequestException)
        {
            TargetClient.ThrowIfCancelled(e, cancellationToken);
            throw new PrometheusQueryException($"Alertmanager at {client.BaseUrl} did not answer the silence: {(e is FlurlHttpException f ? TargetClient.Describe(f) : e.Message)}");
        }

        if (status is < 200 or > 299)
        {
            throw new PrometheusQueryException($"Alertmanager refused the silence ({status}): {text}");
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.GetProperty("silenceID").GetString() ?? throw new PrometheusQueryException("Alertmanager gave no silence id");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            throw new PrometheusQueryException($"Alertmanager's answer to the silence is not its JSON: {e.Message}");
        }
    }

    /// <summary>Expires a silence.</summary>
    public async Task ExpireAsync(string id, CancellationToken cancellationToken)
    {
        int status;
        try
        {
            using var response = await client.Path("api/v2/silence/" + Uri.EscapeDataString(id)).DeleteAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            status = response.StatusCode;
        }
        catch (FlurlHttpException e)
        {
            TargetClient.ThrowIfCancelled(e, cancellationToken);
            throw new PrometheusQueryException($"Alertmanager did not expire silence {id}: {TargetClient.Describe(e)}");
        }

        if (status is < 200 or > 299)
        {
            throw new PrometheusQueryException($"Alertmanager did not expire silence {id} ({status})");
        }
    }

    /// <summary>The alerts Alertmanager holds, silenced ones included.</summary>
    public async Task<IReadOnlyList<AmAlert>> AlertsAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.Path("api/v2/alerts").GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            var text = await response.GetStringAsync().ConfigureAwait(false);
            using var document = JsonDocument.Parse(text);
            return [.. document.RootElement.EnumerateArray().Select(a =>
            {
                var labels = a.GetProperty("labels").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal);
                return new AmAlert(labels.GetValueOrDefault("alertname", ""), labels, a.GetProperty("status").GetProperty("state").GetString() ?? "");
            })];
        }
        catch (Exception e) when (e is FlurlHttpException or HttpRequestException or JsonException or InvalidOperationException or KeyNotFoundException)
        {
            TargetClient.ThrowIfCancelled(e, cancellationToken);
            throw new PrometheusQueryException($"Alertmanager's alerts could not be read: {(e is FlurlHttpException f ? TargetClient.Describe(f) : e.Message)}");
        }
    }

    /// <summary>Its webhook counters, from its own <c>/metrics</c>.</summary>
    public async Task<WebhookNotifications> WebhookNotificationsAsync(CancellationToken cancellationToken)
    {
        string text;
        try
        {
            using var response = await client.Path("metrics").GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            if (response.StatusCode is < 200 or > 299)
            {
                throw new PrometheusQueryException($"Alertmanager's metrics could not be read: GET /metrics answered {response.StatusCode}");
            }

            text = await response.GetStringAsync().ConfigureAwait(false);
        }
        catch (FlurlHttpException e)
        {
            TargetClient.ThrowIfCancelled(e, cancellationToken);
            throw new PrometheusQueryException($"Alertmanager's metrics could not be read: {TargetClient.Describe(e)}");
        }
        catch (HttpRequestException e)
        {
            throw new PrometheusQueryException($"Alertmanager's metrics could not be read: {e.Message}");
        }

        var scrape = PrometheusText.Parse(text);
        double Sum(string name) => scrape.Samples
            .Where(s => s.Name == name && s.Labels.Any(l => l.Key == "integration" && l.Value == "webhook"))
            .Sum(s => s.Value);
        // The request counters exist since Alertmanager 0.24 (both counted once a request has returned);
        // older ones count notifications (a retried notification once, failed at its last attempt).
        var modern = scrape.Samples.Any(s => s.Name == "alertmanager_notification_requests_total");
        var sent = Sum(modern ? "alertmanager_notification_requests_total" : "alertmanager_notifications_total");
        var failed = Sum(modern ? "alertmanager_notification_requests_failed_total" : "alertmanager_notifications_failed_total");
        return new WebhookNotifications(sent, failed);
    }
}
