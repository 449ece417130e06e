using Harness.Engine.Targets;

namespace Harness.Engine.Gates.BoundedLabels;

/// <summary>
/// The <c>endpoint</c> label read by meaning: the contract says it is the route template and fixes the
/// route, not its spelling (<c>/api/allocations/{id}</c>, Express <c>/api/allocations/:id</c>, ...).
/// A request path of a contract route (<c>/api/allocations/7f3a</c>) is not a template: every resource
/// id would become a label value.
/// </summary>
public static class EndpointLabels
{
    /// <summary>True when <paramref name="value"/> spells one of <paramref name="routes"/> in any framework's spelling.</summary>
    public static bool SpellsARoute(string value, IEnumerable<string> routes)
    {
        ArgumentNullException.ThrowIfNull(value);
        return RouteSpelling.Match(value, routes) is not null;
    }

    /// <summary>
    /// True when <paramref name="value"/> is a request path of one of <paramref name="routes"/> rather than
    /// its template: literal segments agree, and a parameter position holds a concrete segment (or a
    /// query string follows).
    /// </summary>
    public static bool IsRequestPath(string value, IEnumerable<string> routes)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(routes);
        var query = value.IndexOf('?', StringComparison.Ordinal);
        var path = (query < 0 ? value : value[..query]).Trim().TrimEnd('/').Split('/');
        return routes.Any(route =>
        {
            var template = route.TrimEnd('/').Split('/');
            if (template.Length != path.Length)
            {
                return false;
            }

            var concrete = query >= 0;
            for (var i = 0; i < template.Length; i++)
            {
                if (RouteSpelling.IsParameter(template[i]))
                {
                    concrete |= !RouteSpelling.IsParameter(path[i]);
                }
                else if (!string.Equals(template[i], path[i], StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }
            }

            return concrete;
        });
    }
}
