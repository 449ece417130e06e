using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Flurl.Http;
using GoldenPayloads.Corpus;
using StageContract.Data;

namespace GoldenPayloads.Running;

/// <summary>
/// Sends golden cases to any target over HTTP (Flurl.Http, the harness's client of the non-hot paths) and
/// records what came back, scrubbed. The client is the caller's (timeouts and handler are theirs); every
/// status is data; nothing here knows the reference service.
/// </summary>
public sealed class GoldenRunner
{
    private const string LocationHeader = "Location";
    private const string StagePrefix = "X-Stage-";
    private readonly IFlurlClient _client;
    private readonly HeaderNames _names;
    private readonly string[] _captured;

    /// <summary>Creates a runner that reads header names from the contract data.</summary>
    public GoldenRunner(IFlurlClient client, StageContractData data)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        ArgumentNullException.ThrowIfNull(data);
        _names = data.Headers;
        _captured = [.. _names.All.Where(n => !string.Equals(n, _names.RequestId, StringComparison.OrdinalIgnoreCase)), LocationHeader];
    }

    /// <summary>
    /// Sends <paramref name="golden"/> to <paramref name="baseAddress"/> with <c>X-Request-Id: requestId</c>. A target that
    /// does not answer (refused, reset, timed out) throws <see cref="FlurlHttpException"/> (<see cref="FlurlHttpTimeoutException"/>
    /// for a timeout); every answer, whatever its status, comes back observed.
    /// </summary>
    public async Task<ObservedOutcome> RunAsync(GoldenCase golden, Uri baseAddress, string requestId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(golden);
        ArgumentNullException.ThrowIfNull(baseAddress);
        ArgumentNullException.ThrowIfNull(requestId);
        var request = _client.Request(Target(baseAddress, golden.Request.Path).AbsoluteUri)
            .AllowAnyHttpStatus()
            .WithHeader(_names.RequestId, requestId)
            .WithHeader("Accept", "application/json, application/problem+json");
        using var content = golden.Request.BodyText is { } body ? new StringContent(body, Encoding.UTF8, "application/json") : null;
        using var answer = await request.SendAsync(new HttpMethod(golden.Request.Method), content, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        var response = answer.ResponseMessage;
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var contentType = response.Content.Headers.ContentType?.MediaType?.ToLowerInvariant();
        var echoed = response.Headers.TryGetValues(_names.RequestId, out var ids) && ids.SingleOrDefault() == requestId;
        return new ObservedOutcome(
            (int)response.StatusCode,
            text.Length == 0 ? null : contentType,
            Headers(response, requestId),
            OutcomeScrubber.Scrub(ParseBody(text, contentType), requestId),
            echoed);
    }

    /// <summary>The request URI: the case's path appended to the base address (a base path prefix is kept).</summary>
    public static Uri Target(Uri baseAddress, string path)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        ArgumentNullException.ThrowIfNull(path);
        var root = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");
        return new Uri(root, path.TrimStart('/'));
    }

    private SortedDictionary<string, string> Headers(HttpResponseMessage response, string requestId)
    {
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            var known = _captured.FirstOrDefault(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase));
            if (known is null && !name.StartsWith(StagePrefix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var value = string.Join(", ", values);
            headers[known ?? name] = string.Equals(known, LocationHeader, StringComparison.Ordinal)
                ? OutcomeScrubber.ScrubLocation(value, requestId)
                : value;
        }

        return headers;
    }

    private static JsonNode? ParseBody(string text, string? contentType)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (contentType is not null && (contentType == "application/json" || contentType.EndsWith("+json", StringComparison.Ordinal)))
        {
            try
            {
                return JsonNode.Parse(text);
            }
            catch (JsonException)
            {
                return JsonValue.Create("<invalid JSON> " + Cut(text));
            }
        }

        return JsonValue.Create(Cut(text));
    }

    private static string Cut(string text) => text.Length <= 500 ? text : text[..500] + "...";
}
