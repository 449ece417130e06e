using System.Net.Sockets;

namespace Harness.Engine.Targets;

/// <summary>Reads a target's self-report on <c>GET /api/deprecations</c>, in any layout <see cref="SelfReportParser"/> knows.</summary>
public static class TargetProbe
{
    /// <summary>Path of the self-description endpoint.</summary>
    public const string DeprecationsPath = "api/deprecations";

    /// <summary>Reads and parses the description; never throws for an unreachable or non-conforming target.</summary>
    public static async Task<TargetRead> ReadAsync(HttpClient http, IReadOnlyCollection<string> routes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(routes);
        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync(new Uri(DeprecationsPath, UriKind.Relative), cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            return new TargetRead(null, $"cannot reach {http.BaseAddress}: {Describe(e)}", Unreachable: true);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            return new TargetRead(null, $"no answer from {http.BaseAddress} within {http.Timeout.TotalSeconds:0} s", Unreachable: e is not null);
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return new TargetRead(null, $"GET /{DeprecationsPath} answered {(int)response.StatusCode}", Unreachable: false);
            }

            return SelfReportParser.Parse(body, routes);
        }
    }

    private static string Describe(HttpRequestException e) =>
        e.InnerException is SocketException s ? s.Message : e.Message;
}
