using System.Text.Json;
using Flurl.Http;
using Harness.Engine.Targets;
using StageContract;
using StageContract.Normalization;

namespace Harness.Engine.Requests;

/// <summary>Sends generated requests and creates the resources PUT and PATCH need.</summary>
public sealed class StageTraffic(IFlurlClient client, TrafficSettings settings)
{
    private readonly StageRequestBuilder _builder = new(settings);

    /// <summary>Sends one request; null when its route needs a resource that does not exist.</summary>
    public Task<ObservedResponse?> SendAsync(StageRequest request, ResourceIds ids, CancellationToken cancellationToken) =>
        SendAsync(request, ids, closeConnection: false, cancellationToken);

    /// <summary>
    /// Sends one request; with <paramref name="closeConnection"/> on a connection of its own
    /// (<c>Connection: close</c>), so that behind a load balancer successive requests can reach
    /// different instances. Null when its route needs a resource that does not exist.
    /// </summary>
    public async Task<ObservedResponse?> SendAsync(StageRequest request, ResourceIds ids, bool closeConnection, CancellationToken cancellationToken)
    {
        using var message = _builder.Build(request, ids);
        if (message is null)
        {
            return null;
        }

        message.Headers.ConnectionClose = closeConnection ? true : null;

        try
        {
            using var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
            return await ObservedResponse.ReadAsync(response.ResponseMessage, cancellationToken).ConfigureAwait(false);
        }
        catch (FlurlHttpTimeoutException)
        {
            return ObservedResponse.Failed(client.Settings.Timeout is { } timeout ? $"no answer within {timeout.TotalSeconds:0} s" : "no answer in time");
        }
        catch (FlurlHttpException e)
        {
            TargetClient.ThrowIfCancelled(e, cancellationToken);
            return ObservedResponse.Failed(TargetClient.Describe(e));
        }
        catch (HttpRequestException e)
        {
            return ObservedResponse.Failed("the answer broke off: " + e.Message);
        }
    }

    /// <summary>
    /// Creates one resource of every kind a stage endpoint's <c>{id}</c> refers to, each through the
    /// endpoint the contract data names as its creator, with a canonical stage (valid in every mode),
    /// and returns their ids; a kind is missing when creation failed, and the reason is in <paramref name="problems"/>.
    /// </summary>
    public async Task<ResourceIds> CreateResourcesAsync(ContractRules rules, string requestIdPrefix, List<string> problems, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(problems);
        var stage = RawStage.FromString(rules.Data.Stages[0]);
        var created = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var resource in rules.Endpoints.TakingStages.Select(e => e.Resource).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            // The data file guarantees a creator for every resource. The kind's initial in the request
            // id keeps the fixture ids (so their enforcement buckets) that a seed has always replayed.
            var creator = rules.Endpoints.Creating(resource)!;
            var id = await CreateAsync(new StageRequest(creator, [stage], $"{requestIdPrefix}-fixture-{resource[0]}"), problems, cancellationToken).ConfigureAwait(false);
            if (id is not null)
            {
                created[resource] = id;
            }
        }

        return new ResourceIds(created);
    }

    private async Task<string?> CreateAsync(StageRequest request, List<string> problems, CancellationToken cancellationToken)
    {
        using var message = _builder.Build(request, ResourceIds.None)!;
        try
        {
            using var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode is < 200 or > 299)
            {
                problems.Add($"{request.Endpoint} to create a fixture answered {response.StatusCode}");
                return null;
            }

            var body = JsonSerializer.Deserialize<JsonElement>(await response.GetStringAsync().ConfigureAwait(false));
            if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty("id", out var id))
            {
                return id.ValueKind == JsonValueKind.String ? id.GetString() : id.GetRawText();
            }

            problems.Add($"{request.Endpoint} to create a fixture returned no 'id'");
            return null;
        }
        catch (Exception e) when (e is FlurlHttpException or HttpRequestException or JsonException or NotSupportedException)
        {
            TargetClient.ThrowIfCancelled(e, cancellationToken);
            problems.Add($"{request.Endpoint} to create a fixture failed: {(e is FlurlHttpException f ? TargetClient.Describe(f) : e.Message)}");
            return null;
        }
    }

    /// <summary>The built message sent through the harness's client: same method, path, headers and content.</summary>
    private Task<IFlurlResponse> SendAsync(HttpRequestMessage message, CancellationToken cancellationToken)
    {
        var request = client.Path(message.RequestUri!.OriginalString);
        foreach (var (name, values) in message.Headers)
        {
            request = request.WithHeader(name, string.Join(", ", values));
        }

        return request.SendAsync(message.Method, message.Content, cancellationToken: cancellationToken);
    }
}
