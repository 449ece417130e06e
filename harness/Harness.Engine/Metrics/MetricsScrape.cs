using Flurl.Http;
using Harness.Engine.Targets;

namespace Harness.Engine.Metrics;

/// <summary>Reads a target's <c>GET /metrics</c> (Prometheus text format) with the harness's client.</summary>
public static class MetricsScrape
{
    /// <summary>Path of the metrics endpoint, relative to the target's base address.</summary>
    public const string Path = "metrics";

    /// <summary>
    /// The scrape, or why there is none: no answer (refused, reset, timed out), a status other than 2xx, or an
    /// answer that is not the text format (HTML, JSON: a proxy's page, not the target's metrics). Never throws
    /// for the target's behaviour; only <paramref name="cancellationToken"/> cancels it.
    /// </summary>
    public static async Task<(PrometheusScrape? Scrape, string? Error)> ReadAsync(IFlurlClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        try
        {
            using var response = await client.Path(Path).GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            if (response.StatusCode is < 200 or > 299)
            {
                return (null, $"GET /{Path} answered {response.StatusCode}");
            }

            var type = response.ResponseMessage.Content.Headers.ContentType?.MediaType;
            if (type is "text/html" or "application/json" or "application/problem+json" or "application/xml")
            {
                return (null, $"GET /{Path} answered {type}, not the Prometheus text format");
            }

            return (PrometheusText.Parse(await response.GetStringAsync().ConfigureAwait(false)), null);
        }
        catch (FlurlHttpTimeoutException)
        {
            return (null, $"cannot scrape /{Path}: no answer in time");
        }
        catch (FlurlHttpException e)
        {
            TargetClient.ThrowIfCancelled(e, cancellationToken);
            return (null, $"cannot scrape /{Path}: {TargetClient.Describe(e)}");
        }
        catch (HttpRequestException e)
        {
            return (null, $"cannot scrape /{Path}: the answer broke off: {e.Message}");
        }
    }
}
