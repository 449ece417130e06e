namespace Harness.Engine.Targets;

/// <summary>
/// Route templates spelled the ways web frameworks spell them: the contract names routes as
/// <c>/api/funds/{fundId}/companies</c>, an Express service labels the same route
/// <c>/api/funds/:fundId/companies</c>, Flask <c>/api/funds/&lt;fundId&gt;/companies</c>, ASP.NET
/// with a constraint <c>{fundId:int}</c>. The contract fixes the route, not its spelling, so a
/// route is recognised by its literal segments and the positions of its parameters; parameter names
/// do not matter.
/// </summary>
public static class RouteSpelling
{
    /// <summary>The template of <paramref name="templates"/> that <paramref name="route"/> spells, or null.</summary>
    public static string? Match(string route, IEnumerable<string> templates)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(templates);
        var shape = Shape(route);
        return templates.FirstOrDefault(t => Shape(t) == shape);
    }

    /// <summary>True when the segment is a route parameter in any of the usual spellings.</summary>
    public static bool IsParameter(string segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        return segment.Length > 1 && (segment[0] == ':'
            || (segment[0] == '{' && segment[^1] == '}')
            || (segment[0] == '<' && segment[^1] == '>')
            || (segment[0] == '[' && segment[^1] == ']'));
    }

    /// <summary><c>/api/funds/*/companies</c>: literal segments lower-cased, parameters as <c>*</c>, no trailing slash.</summary>
    public static string Shape(string route)
    {
        ArgumentNullException.ThrowIfNull(route);
        var segments = route.Trim().TrimEnd('/').Split('/');
        return string.Join('/', segments.Select(s => IsParameter(s) ? "*" : s.ToLowerInvariant()));
    }
}
