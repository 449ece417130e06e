namespace Harness.Engine.Requests;

/// <summary>A method on a route template that takes stage input (contract section 6).</summary>
/// <param name="Method">HTTP method, upper case.</param>
/// <param name="RouteTemplate">Route template, the <c>endpoint</c> label.</param>
/// <param name="InputType">How stages are sent.</param>
public sealed record StageEndpoint(string Method, string RouteTemplate, StageInputType InputType)
{
    /// <summary><c>/api/portfolio/strategies/{id}</c> and <c>/api/allocations/{id}</c> need an existing resource.</summary>
    public bool NeedsId => RouteTemplate.EndsWith("/{id}", StringComparison.Ordinal);

    /// <summary>Every stage-taking endpoint of the contract.</summary>
    public static IReadOnlyList<StageEndpoint> All { get; } =
    [
        new("POST", "/api/monte-carlo/simulate", StageInputType.Array),
        new("POST", "/api/portfolio/strategies", StageInputType.Object),
        new("PUT", "/api/portfolio/strategies/{id}", StageInputType.Object),
        new("PATCH", "/api/portfolio/strategies/{id}", StageInputType.Object),
        new("POST", "/api/allocations", StageInputType.Scalar),
        new("PUT", "/api/allocations/{id}", StageInputType.Scalar),
        new("PATCH", "/api/allocations/{id}", StageInputType.Scalar),
        new("GET", "/api/funds/{fundId}/companies", StageInputType.Query),
    ];

    /// <summary>The distinct route templates of <see cref="All"/>.</summary>
    public static IReadOnlyList<string> Routes { get; } = [.. All.Select(e => e.RouteTemplate).Distinct(StringComparer.Ordinal)];

    /// <summary><c>POST /api/allocations</c>.</summary>
    public override string ToString() => $"{Method} {RouteTemplate}";
}
