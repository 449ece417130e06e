using System.Collections.Concurrent;

namespace ReferenceImpl.Api.Profiles;

/// <summary>Spells an ASP.NET Core route template in a <see cref="RouteStyle"/>.</summary>
public static class RouteSpelling
{
    // Route templates are a closed set, so the cache stays as small as the route table.
    private static readonly ConcurrentDictionary<string, string> ExpressCache = new(StringComparer.Ordinal);

    /// <summary><c>/api/funds/{fundId}/companies</c> as ASP.NET Core spells it, or as Express does (<c>/api/funds/:fundId/companies</c>).</summary>
    public static string Spell(RouteStyle style, string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return style == RouteStyle.AspNet || !template.Contains('{', StringComparison.Ordinal)
            ? template
            : ExpressCache.GetOrAdd(template, Express);
    }

    private static string Express(string template)
    {
        var builder = new System.Text.StringBuilder(template.Length);
        foreach (var c in template)
        {
            if (c == '{')
            {
                builder.Append(':');
            }
            else if (c != '}')
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
