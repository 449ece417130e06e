using StageContract.Endpoints;

namespace Harness.Engine.Requests;

/// <summary>Ids of resources the harness created so that requests to <c>{id}</c> routes have something to address.</summary>
/// <param name="ByResource">Id per resource kind (<see cref="StageEndpoint.Resource"/>); a kind is missing when none could be created.</param>
public sealed record ResourceIds(IReadOnlyDictionary<string, string> ByResource)
{
    /// <summary>No resources.</summary>
    public static ResourceIds None { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal));

    /// <summary>The id of a resource of this kind, or null.</summary>
    public string? For(string? resource) => resource is not null && ByResource.TryGetValue(resource, out var id) ? id : null;

    /// <summary>True when a request to the endpoint can be built: its route needs no id, or the id is here.</summary>
    public bool CanAddress(StageEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return !endpoint.NeedsId || For(endpoint.Resource) is not null;
    }
}
