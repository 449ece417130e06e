using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Flurl;
using Flurl.Http;
using StageContract.Data;

namespace Harness.Engine.Diff;

/// <summary>
/// Sends diff requests to one target with Flurl and reads the answer as the diff compares it: status,
/// media type, the contract's headers (and any other <c>X-Stage-*</c>), the body as JSON. Every target
/// gets the same method, path, body and request id.
/// </summary>
public sealed class DiffClient : IDisposable
{
    private const string StagePrefix = "X-Stage-";
    private readonly FlurlClient _client;
    private readonly HeaderNames _names;
    private readonly string[] _compared;
    private readonly Dictionary<string, string> _ids = new(StringComparer.Ordinal);

    /// <summary>A client of the target at <paramref name="baseAddress"/>, with <paramref name="timeout"/> per request.</summary>
    public DiffClient(Uri baseAddress, HeaderNames names, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        BaseAddress = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");
        _names = names ?? throw new ArgumentNullException(nameof(names));
        _compared = [.. names.All.Where(n => !string.Equals(n, names.RequestId, StringComparison.OrdinalIgnoreCase))];
        _client = new FlurlClient(BaseAddress.AbsoluteUri) { Settings = { Timeout = timeout } };
    }

    /// <summary>The target.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Sets the id this target's fixture of <paramref name="resource"/> has (separate stores).</summary>
    public void UseFixture(string resource, string id) => _ids[resource] = id;

    /// <summary>Sends <paramref name="request"/>; a transport failure or timeout is an answer with a <see cref="DiffResponse.Failure"/>.</summary>
    public async Task<DiffResponse> SendAsync(DiffRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = _ids.Aggregate(request.Path, (p, id) => p.Replace(DiffRequest.IdPlaceholder(id.Key), Uri.EscapeDataString(id.Value), StringComparison.Ordinal));
        if (path.Contains("{id:", StringComparison.Ordinal))
        {
            return DiffResponse.Failed("no fixture on this target for " + request.Endpoint);
        }

        var target = new Uri(BaseAddress, path.TrimStart('/'));
        try
        {
            using var content = request.Body is null ? null : new StringContent(request.Body, Encoding.UTF8, "application/json");
            using var response = await new FlurlRequest(new Url(target)) { Client = _client }
                .WithHeader(_names.RequestId, request.RequestId)
                .WithHeader("Accept", "application/json, application/problem+json")
                .AllowAnyHttpStatus()
                .SendAsync(new HttpMethod(request.Method), content, HttpCompletionOption.ResponseContentRead, cancellationToken)
                .ConfigureAwait(false);
            return await ReadAsync(response.ResponseMessage, cancellationToken).ConfigureAwait(false);
        }
        catch (FlurlHttpTimeoutException)
        {
            return DiffResponse.Failed($"no answer within {_client.Settings.Timeout?.TotalSeconds:0} s");
        }
        catch (FlurlHttpException e)
        {
            // A cancelled run (Ctrl+C, the dual-run gate's timeout) must stop, not read as a target that did not answer.
            Harness.Engine.Targets.TargetClient.ThrowIfCancelled(e, cancellationToken);
            return DiffResponse.Failed(e.InnerException?.Message ?? e.Message);
        }
    }

    /// <summary>Creates a resource with <paramref name="request"/> (a POST) and returns its <c>id</c>, or null with why not.</summary>
    public async Task<(string? Id, string? Problem)> CreateAsync(DiffRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var answer = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (answer.Status is < 200 or > 299)
        {
            return (null, $"{request.Endpoint} to create a fixture on {BaseAddress} answered {(answer.Failure ?? answer.Status.ToString(System.Globalization.CultureInfo.InvariantCulture))}");
        }

        return answer.Body is JsonObject body && body["id"] is JsonValue id
            ? (id.TryGetValue<string>(out var text) ? text : id.ToJsonString(), null)
            : (null, $"{request.Endpoint} to create a fixture on {BaseAddress} returned no 'id'");
    }

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();

    private async Task<DiffResponse> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var contentType = text.Length == 0 ? null : response.Content.Headers.ContentType?.MediaType?.ToLowerInvariant();
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            var known = _compared.FirstOrDefault(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase));
            if (known is not null || name.StartsWith(StagePrefix, StringComparison.OrdinalIgnoreCase))
            {
                headers[known ?? name] = string.Join(", ", values);
            }
        }

        return new DiffResponse((int)response.StatusCode, contentType, headers, Body(text, contentType));
    }

    private static JsonNode? Body(string text, string? contentType)
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
                return JsonValue.Create("<invalid JSON> " + text);
            }
        }

        return JsonValue.Create(text.Length <= 500 ? text : text[..500] + "...");
    }
}
