using Flurl.Http;

namespace Harness.Engine.Targets;

/// <summary>
/// The harness's HTTP client for the non-hot paths (probes, golden corpus, ops API, drills, webhook,
/// metrics scrapes, Prometheus and Alertmanager): Flurl.Http over the caller's <see cref="HttpClient"/>,
/// so the base address, handler, connection settings and timeout stay the caller's. The load engine
/// keeps its raw <c>SocketsHttpHandler</c> client (throughput; see the README).
/// </summary>
public static class TargetClient
{
    /// <summary>
    /// A Flurl client that sends through <paramref name="http"/> (its base address, handler, connections and timeout;
    /// <paramref name="http"/> is neither changed nor owned: dispose it as before). Every status is data (4xx/5xx never
    /// throw: the harness judges them); no answer within <paramref name="http"/>'s timeout is a
    /// <see cref="FlurlHttpTimeoutException"/>, a refused or reset connection a <see cref="FlurlHttpException"/>;
    /// redirects are left to the handler, as before.
    /// </summary>
    public static IFlurlClient Over(HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(http);
#pragma warning disable CA2000 // The Flurl client owns the wrapper (and only it); the wrapper never disposes http.
        var through = new HttpClient(new ThroughClientHandler(http)) { BaseAddress = http.BaseAddress };
#pragma warning restore CA2000
        var client = new FlurlClient(through);
        client.Settings.AllowedHttpStatusRange = "*";
        client.Settings.Timeout = http.Timeout;
        client.Settings.Redirects.Enabled = false;
        return client;
    }

    /// <summary>
    /// A request to <paramref name="relative"/> resolved against the base address as <see cref="HttpClient"/> resolves
    /// a relative URI (so <c>/api/x</c> is the root's and <c>api/x</c> the base path's), statuses allowed.
    /// </summary>
    public static IFlurlRequest Path(this IFlurlClient client, string relative)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(relative);
        var url = client.BaseUrl is { Length: > 0 } root ? new Uri(new Uri(root), relative).AbsoluteUri : relative;
        return client.Request(url).AllowAnyHttpStatus();
    }

    /// <summary>The base address, for messages and reports.</summary>
    public static Uri? BaseAddress(this IFlurlClient client) =>
        client?.BaseUrl is { Length: > 0 } root ? new Uri(root) : null;

    /// <summary>
    /// Flurl reports a call cancelled by its caller (Ctrl+C, a gate's timeout) as a <see cref="FlurlHttpException"/>, which
    /// would read as "no answer"; called first in a catch of one, this turns it back into the cancellation it is.
    /// </summary>
    public static void ThrowIfCancelled(Exception exception, CancellationToken cancellationToken)
    {
        if (exception is FlurlHttpException and not FlurlHttpTimeoutException && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("cancelled: " + exception.Message, exception, cancellationToken);
        }
    }

    /// <summary>Why a call got no answer, in a line: the timeout, the socket error or the exception's message.</summary>
    public static string Describe(FlurlHttpException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            FlurlHttpTimeoutException => "no answer within the timeout",
            { InnerException: HttpRequestException { InnerException: System.Net.Sockets.SocketException s } } => s.Message,
            { InnerException: HttpRequestException h } => h.Message,
            { InnerException: { } inner } => inner.Message,
            _ => exception.Message,
        };
    }
}
