using System.Text.RegularExpressions;

namespace GoldenPayloads.Corpus;

/// <summary>Folder names, methods, paths and route templates of the golden endpoints.</summary>
public static partial class GoldenEndpoints
{
    /// <summary>Every endpoint, in corpus order.</summary>
    public static IReadOnlyList<GoldenEndpoint> All { get; } =
        [GoldenEndpoint.MonteCarlo, GoldenEndpoint.Strategies, GoldenEndpoint.Allocations, GoldenEndpoint.Companies];

    /// <summary>The corpus folder of an endpoint, e.g. <c>monte-carlo</c>.</summary>
    public static string FolderName(this GoldenEndpoint endpoint) => endpoint switch
    {
        GoldenEndpoint.MonteCarlo => "monte-carlo",
        GoldenEndpoint.Strategies => "strategies",
        GoldenEndpoint.Allocations => "allocations",
        GoldenEndpoint.Companies => "companies",
        _ => throw new ArgumentOutOfRangeException(nameof(endpoint), endpoint, null),
    };

    /// <summary>The endpoint whose folder is <paramref name="folder"/>, or null.</summary>
    public static GoldenEndpoint? FromFolderName(string folder) =>
        All.Select(e => (GoldenEndpoint?)e).FirstOrDefault(e => string.Equals(e!.Value.FolderName(), folder, StringComparison.Ordinal));

    /// <summary>
    /// The one method the corpus uses per endpoint: creates (POST) for the write endpoints, so every
    /// case runs against a fresh service without needing an existing id.
    /// </summary>
    public static string Method(this GoldenEndpoint endpoint) => endpoint == GoldenEndpoint.Companies ? "GET" : "POST";

    /// <summary>The route template (the <c>endpoint</c> metric label and the key of mode overrides).</summary>
    public static string RouteTemplate(this GoldenEndpoint endpoint) => endpoint switch
    {
        GoldenEndpoint.MonteCarlo => "/api/monte-carlo/simulate",
        GoldenEndpoint.Strategies => "/api/portfolio/strategies",
        GoldenEndpoint.Allocations => "/api/allocations",
        GoldenEndpoint.Companies => "/api/funds/{fundId}/companies",
        _ => throw new ArgumentOutOfRangeException(nameof(endpoint), endpoint, null),
    };

    /// <summary>True when a request path (with its query) addresses the endpoint's route.</summary>
    public static bool Matches(this GoldenEndpoint endpoint, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var query = path.IndexOf('?', StringComparison.Ordinal);
        var route = query < 0 ? path : path[..query];
        return endpoint == GoldenEndpoint.Companies
            ? CompaniesPath().IsMatch(route)
            : query < 0 && string.Equals(route, endpoint.RouteTemplate(), StringComparison.Ordinal);
    }

    /// <summary>True when the endpoint's corpus method creates a resource (answered 201 with Location).</summary>
    public static bool Creates(this GoldenEndpoint endpoint) =>
        endpoint is GoldenEndpoint.Strategies or GoldenEndpoint.Allocations;

    [GeneratedRegex("^/api/funds/[0-9]{1,18}/companies$", RegexOptions.CultureInvariant)]
    internal static partial Regex CompaniesPath();
}
