using System.Collections.Frozen;

namespace StageContract.Endpoints;

/// <summary>
/// The endpoint list of the data file and what follows from it: the stage route templates, the
/// write rule of contract section 3 step 2, the endpoints that take stages, create resources or
/// have golden payloads. Every project that needs the endpoints reads them here.
/// </summary>
public sealed class ContractEndpoints
{
    private readonly FrozenSet<string> _routes;
    private readonly FrozenSet<string> _writeRoutes;
    private readonly FrozenSet<string> _writeMethods;

    /// <summary>Derives the views of an endpoint list (validated by <see cref="EndpointValidator"/>).</summary>
    public ContractEndpoints(IReadOnlyList<StageEndpoint> endpoints)
    {
        All = endpoints ?? throw new ArgumentNullException(nameof(endpoints));
        TakingStages = [.. endpoints.Where(e => e.TakesStages)];
        InCorpus = [.. endpoints.Where(e => e.Corpus is not null)];
        Routes = [.. endpoints.Select(e => e.Route).Distinct(StringComparer.Ordinal)];
        _routes = Routes.ToFrozenSet(StringComparer.Ordinal);
        var writes = endpoints.Where(e => e.Kind == EndpointKind.Write).ToList();
        _writeRoutes = writes.Select(e => e.Route).ToFrozenSet(StringComparer.Ordinal);
        _writeMethods = writes.Select(e => e.Method).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Every endpoint, in data-file order.</summary>
    public IReadOnlyList<StageEndpoint> All { get; }

    /// <summary>The endpoints that take stage input (every one but the reads by id), in data-file order.</summary>
    public IReadOnlyList<StageEndpoint> TakingStages { get; }

    /// <summary>The endpoints with a golden corpus folder, in data-file order (the corpus order).</summary>
    public IReadOnlyList<StageEndpoint> InCorpus { get; }

    /// <summary>The distinct route templates, in data-file order: the stage endpoints' <c>endpoint</c> labels.</summary>
    public IReadOnlyList<string> Routes { get; }

    /// <summary>True when the template is a stage endpoint's: its responses carry <c>X-Stage-Mode</c>, and it may have a mode override.</summary>
    public bool IsStageRoute(string routeTemplate) => _routes.Contains(routeTemplate);

    /// <summary>
    /// Contract section 3, step 2: a write is a request whose method is one of the write endpoints'
    /// methods (POST, PUT, PATCH) on one of their route templates; everything else is a read. So a
    /// method the list does not name is judged by the rule, not by the list (a POST on an
    /// <c>{id}</c> route would be a write too).
    /// </summary>
    public bool IsWrite(string method, string routeTemplate) =>
        _writeRoutes.Contains(routeTemplate) && _writeMethods.Contains(method);

    /// <summary>The endpoint with this method (case-insensitive) and route template, or null.</summary>
    public StageEndpoint? Find(string method, string routeTemplate) =>
        All.FirstOrDefault(e => string.Equals(e.Method, method, StringComparison.OrdinalIgnoreCase) && string.Equals(e.Route, routeTemplate, StringComparison.Ordinal));

    /// <summary>The endpoint that creates resources of this kind (for example <c>strategy</c>), or null.</summary>
    public StageEndpoint? Creating(string resource) =>
        All.FirstOrDefault(e => string.Equals(e.Creates, resource, StringComparison.Ordinal));

    /// <summary>The endpoint whose golden payloads are in this corpus folder, or null.</summary>
    public StageEndpoint? WithCorpus(string folder) =>
        InCorpus.FirstOrDefault(e => string.Equals(e.Corpus, folder, StringComparison.Ordinal));
}
