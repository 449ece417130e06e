using System.Text.Json;
using System.Text.Json.Serialization;

namespace StageContract.Endpoints;

/// <summary>
/// One method on one route template of the stage endpoints (contract section 6), as listed in the
/// data file: everything the service's stage routes, the harness's request builder, the golden
/// corpus and the label policy need to know about it. Checked at load by <see cref="EndpointValidator"/>.
/// </summary>
public sealed record StageEndpoint
{
    /// <summary>HTTP method, upper case.</summary>
    public required string Method { get; init; }

    /// <summary>Route template, for example <c>/api/allocations/{id}</c>: the <c>endpoint</c> metric label and the key of mode overrides.</summary>
    public required string Route { get; init; }

    /// <summary>How the stages arrive; <see cref="StageInputType.None"/> for a read by id.</summary>
    public required StageInputType InputType { get; init; }

    /// <summary>Read or write (contract section 3, step 2).</summary>
    public required EndpointKind Kind { get; init; }

    /// <summary>
    /// The body of a valid request, with placeholders (<see cref="Placeholders"/>, <see cref="BodyTemplate"/>); null when the
    /// endpoint takes no body (query input, reads by id).
    /// </summary>
    public JsonElement? Body { get; init; }

    /// <summary>The query parameter that carries the stage (query input only), for example <c>stage</c>.</summary>
    public string? QueryParameter { get; init; }

    /// <summary>The kind of resource the route's <c>{id}</c> names, for example <c>strategy</c>; null when the route has no <c>{id}</c>.</summary>
    public string? Resource { get; init; }

    /// <summary>The kind of resource this endpoint creates (the id comes back as <c>id</c>); null when it creates none.</summary>
    public string? Creates { get; init; }

    /// <summary>The golden corpus folder of this endpoint's payloads (<c>payloads/&lt;corpus&gt;/</c>); null when it has none.</summary>
    public string? Corpus { get; init; }

    /// <summary>True when the route has an <c>{id}</c>, so a request needs an existing <see cref="Resource"/>.</summary>
    [JsonIgnore]
    public bool NeedsId => Route.Contains(Placeholders.Id, StringComparison.Ordinal);

    /// <summary>True when the endpoint takes stage input (every input type but <see cref="StageInputType.None"/>).</summary>
    [JsonIgnore]
    public bool TakesStages => InputType != StageInputType.None;

    /// <summary>True when a request has a body (array, object and scalar input).</summary>
    [JsonIgnore]
    public bool HasBody => InputType is StageInputType.Array or StageInputType.Object or StageInputType.Scalar;

    /// <summary><c>POST /api/allocations</c>.</summary>
    public override string ToString() => $"{Method} {Route}";
}
