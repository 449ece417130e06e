using Flurl.Http;

namespace Harness.Engine.Targets;

/// <summary>Reads a target's self-report on <c>GET /api/deprecations</c>, in any layout <see cref="SelfReportParser"/> knows.</summary>
public static class TargetProbe
{
    /// <summary>Path of the self-description endpoint.</summary>
    public const string DeprecationsPath = "api/deprecations";

    /// <summary>Reads and parses the description; never throws for an unreachable, silent or non-conforming target.</summary>
    public static async Task<TargetRead> ReadAsync(IFlurlClient client, IReadOnlyCollection<string> routes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(routes);
        IFlurlResponse response;
        try
        {
            response = await client.Path(DeprecationsPath).GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (FlurlHttpTimeoutException)
        {
            var within = client.Settings.Timeout is { } timeout ? $" within {timeout.TotalSeconds:0} s" : "";
            return new TargetRead(null, $"no answer from {client.BaseUrl}{within}", Unreachable: true);
        }
        catch (FlurlHttpException e)
        {
            TargetClient.ThrowIfCancelled(e, cancellationToken);
            return new TargetRead(null, $"cannot reach {client.BaseUrl}: {TargetClient.Describe(e)}", Unreachable: true);
        }

        using (response)
        {
            string body;
            try
            {
                body = await response.GetStringAsync().ConfigureAwait(false);
            }
            catch (HttpRequestException e)
            {
                return new TargetRead(null, $"GET /{DeprecationsPath}: the answer broke off: {e.Message}", Unreachable: true);
            }

            if (response.StatusCode is < 200 or > 299)
            {
                return new TargetRead(null, $"GET /{DeprecationsPath} answered {response.StatusCode}", Unreachable: false);
            }

            return SelfReportParser.Parse(body, routes);
        }
    }
}
