using System.Globalization;
using System.Text.Json;
using Flurl.Http;
using Harness.Engine.Targets;

namespace Harness.Engine.Observability.Live;

/// <summary>One series of a query's answer: its labels and its samples (one for an instant query).</summary>
/// <param name="Labels">The series' labels, name excluded when Prometheus drops it.</param>
/// <param name="Points">(time, value) pairs in time order.</param>
public sealed record PromSeries(IReadOnlyDictionary<string, string> Labels, IReadOnlyList<(DateTimeOffset At, double Value)> Points)
{
    /// <summary>The labels as PromQL writes them, <c>{a="b", ...}</c>.</summary>
    public string LabelText => "{" + string.Join(", ", Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}=\"{l.Value}\"")) + "}";
}

/// <summary>An alert as Prometheus's rule evaluation holds it (<c>/api/v1/alerts</c>).</summary>
/// <param name="Name">The alert name.</param>
/// <param name="Labels">Its labels.</param>
/// <param name="State"><c>pending</c> or <c>firing</c>.</param>
/// <param name="ActiveAt">When its expression first held in this episode.</param>
public sealed record PromAlert(string Name, IReadOnlyDictionary<string, string> Labels, string State, DateTimeOffset? ActiveAt);

/// <summary>An alerting rule as Prometheus loaded it (<c>/api/v1/rules</c>).</summary>
/// <param name="Query">Its expression.</param>
/// <param name="ForSeconds">Its <c>for:</c>, in seconds.</param>
/// <param name="Health">Its health after the last evaluation.</param>
/// <param name="LastError">The last evaluation's error, or empty.</param>
public sealed record PromAlertRule(string Query, double ForSeconds, string Health, string LastError);

/// <summary>A query failed: Prometheus answered with an error, or did not answer.</summary>
public sealed class PrometheusQueryException(string message) : Exception(message);

/// <summary>
/// The part of Prometheus's HTTP API the rehearsal uses: instant and range queries, the alerts of the
/// rule evaluation, the scrape targets, readiness. Works the same against the harness's own Prometheus
/// and a team's (<c>--prometheus</c>).
/// </summary>
public sealed class PrometheusApi(IFlurlClient client)
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

    /// <summary>An instant query at <paramref name="at"/> (now when null).</summary>
    public async Task<IReadOnlyList<PromSeries>> QueryAsync(string expression, DateTimeOffset? at, CancellationToken cancellationToken)
    {
        var query = "api/v1/query?query=" + Uri.EscapeDataString(expression)
            + (at is { } t ? "&time=" + Unix(t) : "");
        using var document = await GetAsync(query, cancellationToken).ConfigureAwait(false);
        return Series(document.RootElement.GetProperty("data"));
    }

    /// <summary>A range query from <paramref name="start"/> to <paramref name="end"/> every <paramref name="stepSeconds"/>.</summary>
    public async Task<IReadOnlyList<PromSeries>> QueryRangeAsync(string expression, DateTimeOffset start, DateTimeOffset end, double stepSeconds, CancellationToken cancellationToken)
    {
        var query = "api/v1/query_range?query=" + Uri.EscapeDataString(expression) + "&start=" + Unix(start) + "&end=" + Unix(end)
            + "&step=" + stepSeconds.ToString("0.###", CultureInfo.InvariantCulture);
        using var document = await GetAsync(query, cancellationToken).ConfigureAwait(false);
        return Series(document.RootElement.GetProperty("data"));
    }

    /// <summary>The alerts pending or firing now.</summary>
    public async Task<IReadOnlyList<PromAlert>> AlertsAsync(CancellationToken cancellationToken)
    {
        using var document = await GetAsync("api/v1/alerts", cancellationToken).ConfigureAwait(false);
        var alerts = new List<PromAlert>();
        foreach (var alert in document.RootElement.GetProperty("data").GetProperty("alerts").EnumerateArray())
        {
            var labels = Labels(alert.GetProperty("labels"));
            DateTimeOffset? activeAt = alert.TryGetProperty("activeAt", out var a) && DateTimeOffset.TryParse(a.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : null;
            alerts.Add(new PromAlert(labels.GetValueOrDefault("alertname", ""), labels, alert.GetProperty("state").GetString() ?? "", activeAt));
        }

        return alerts;
    }

    /// <summary>The alerting rule named <paramref name="alertName"/>: its expression, its <c>for</c> in seconds, health and last error; null when no rule has that name.</summary>
    public async Task<PromAlertRule?> AlertRuleAsync(string alertName, CancellationToken cancellationToken)
    {
        using var document = await GetAsync("api/v1/rules?type=alert", cancellationToken).ConfigureAwait(false);
        foreach (var group in document.RootElement.GetProperty("data").GetProperty("groups").EnumerateArray())
        {
            foreach (var rule in group.GetProperty("rules").EnumerateArray())
            {
                if (rule.GetProperty("name").GetString() == alertName)
                {
                    return new PromAlertRule(rule.GetProperty("query").GetString() ?? "", rule.TryGetProperty("duration", out var d) ? d.GetDouble() : 0,
                        rule.TryGetProperty("health", out var h) ? h.GetString() ?? "" : "", rule.TryGetProperty("lastError", out var e) ? e.GetString() ?? "" : "");
                }
            }
        }

        return null;
    }

    /// <summary>The scrape targets of <paramref name="job"/>: their URL, health and last error.</summary>
    public async Task<IReadOnlyList<(string Url, string Health, string LastError)>> TargetsAsync(string job, CancellationToken cancellationToken)
    {
        using var document = await GetAsync("api/v1/targets?state=active", cancellationToken).ConfigureAwait(false);
        return [.. document.RootElement.GetProperty("data").GetProperty("activeTargets").EnumerateArray()
            .Where(t => Labels(t.GetProperty("labels")).GetValueOrDefault("job") == job)
            .Select(t => (t.GetProperty("scrapeUrl").GetString() ?? "", t.GetProperty("health").GetString() ?? "", t.GetProperty("lastError").GetString() ?? ""))];
    }

    /// <summary>Unix seconds with milliseconds, as the API takes times.</summary>
    public static string Unix(DateTimeOffset at) => (at.ToUnixTimeMilliseconds() / 1000.0).ToString("0.###", CultureInfo.InvariantCulture);

    private async Task<JsonDocument> GetAsync(string relative, CancellationToken cancellationToken)
    {
        IFlurlResponse response;
        try
        {
            response = await client.Path(relative).GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (FlurlHttpException e)
        {
            TargetClient.ThrowIfCancelled(e, cancellationToken);
            throw new PrometheusQueryException($"Prometheus at {client.BaseUrl} did not answer: {TargetClient.Describe(e)}");
        }

        using (response)
        {
            string text;
            try
            {
                text = await response.GetStringAsync().ConfigureAwait(false);
            }
            catch (HttpRequestException broken)
            {
                throw new PrometheusQueryException($"Prometheus at {client.BaseUrl}: the answer broke off: {broken.Message}");
            }

            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(text);
            }
            catch (JsonException)
            {
                throw new PrometheusQueryException($"Prometheus answered {response.StatusCode} with no JSON: {Cut(text)}");
            }

            if (document.RootElement.TryGetProperty("status", out var status) && status.GetString() == "success")
            {
                return document;
            }

            var error = document.RootElement.TryGetProperty("error", out var e) ? e.GetString() : Cut(text);
            document.Dispose();
            throw new PrometheusQueryException($"Prometheus refused the query ({response.StatusCode}): {error}");
        }
    }

    private static List<PromSeries> Series(JsonElement data)
    {
        var type = data.GetProperty("resultType").GetString();
        var result = data.GetProperty("result");
        if (type == "scalar")
        {
            return [new PromSeries(new Dictionary<string, string>(), [Point(result)])];
        }

        var series = new List<PromSeries>();
        foreach (var item in result.EnumerateArray())
        {
            var labels = Labels(item.GetProperty("metric"));
            var points = item.TryGetProperty("values", out var values)
                ? values.EnumerateArray().Select(Point).ToList()
                : [Point(item.GetProperty("value"))];
            series.Add(new PromSeries(labels, points));
        }

        return series;
    }

    private static (DateTimeOffset, double) Point(JsonElement pair)
    {
        var at = DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(pair[0].GetDouble() * 1000));
        var text = pair[1].GetString();
        var value = text switch
        {
            "NaN" => double.NaN,
            "+Inf" => double.PositiveInfinity,
            "-Inf" => double.NegativeInfinity,
            _ => double.Parse(text!, NumberStyles.Float, CultureInfo.InvariantCulture),
        };
        return (at, value);
    }

    private static Dictionary<string, string> Labels(JsonElement labels) =>
        labels.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal);

    private static string Cut(string text) => text.Length > 200 ? text[..200] + "..." : text;
}
