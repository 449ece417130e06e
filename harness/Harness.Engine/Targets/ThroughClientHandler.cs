namespace Harness.Engine.Targets;

/// <summary>
/// Sends every request through an existing <see cref="HttpClient"/> (its handler, connections, timeout and
/// default headers), so that a Flurl client can sit over a client that has already been used and that it
/// must not change (Flurl's own <c>FlurlClient(HttpClient)</c> takes over the client's timeout and refuses a
/// used one). Each request is copied because a message can be sent only once per client.
/// </summary>
internal sealed class ThroughClientHandler(HttpClient http) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
#pragma warning disable CA2000 // The copy shares the caller's content, which the caller disposes; the response refers to the copy.
        var copy = new HttpRequestMessage(request.Method, request.RequestUri)
        {
            Content = request.Content,
            Version = request.Version,
            VersionPolicy = request.VersionPolicy,
        };
#pragma warning restore CA2000
        foreach (var (name, values) in request.Headers)
        {
            copy.Headers.TryAddWithoutValidation(name, values);
        }

#pragma warning disable RS0030 // The one sanctioned raw send: the Flurl client's requests go out through the caller's HttpClient here.
        return await http.SendAsync(copy, cancellationToken).ConfigureAwait(false);
#pragma warning restore RS0030
    }
}
