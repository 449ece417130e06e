namespace StageContract.Headers;

/// <summary>
/// Reads a <c>Link</c> header by RFC 8288 section 3: comma-separated link-values, each
/// <c>&lt;target&gt;</c> followed by <c>; name=value</c> parameters whose values are tokens or quoted
/// strings; <c>rel</c> holds space-separated relation types compared case-insensitively. So
/// <c>&lt;u&gt;; rel="deprecation"</c>, <c>&lt;u&gt;;rel=deprecation</c> and
/// <c>&lt;other&gt;; rel="help", &lt;u&gt; ; REL="deprecation alternate"</c> all carry the deprecation link to <c>u</c>.
/// </summary>
public static class LinkHeader
{
    /// <summary>Every (target, relation types) of the header; empty when it cannot be read.</summary>
    public static IReadOnlyList<(string Target, IReadOnlyList<string> Relations)> Parse(string? value)
    {
        var links = new List<(string, IReadOnlyList<string>)>();
        if (value is null)
        {
            return links;
        }

        var i = 0;
        while (true)
        {
            SkipSpace(value, ref i);
            if (i >= value.Length || value[i] != '<')
            {
                return i >= value.Length ? links : [];
            }

            var close = value.IndexOf('>', i);
            if (close < 0)
            {
                return [];
            }

            var target = value[(i + 1)..close];
            i = close + 1;
            var relations = new List<string>();
            while (true)
            {
                SkipSpace(value, ref i);
                if (i >= value.Length || value[i] == ',')
                {
                    i++;
                    break;
                }

                if (value[i] != ';' || ReadParameter(value, ref i) is not var (name, parameter))
                {
                    return [];
                }

                if (name.Equals("rel", StringComparison.OrdinalIgnoreCase))
                {
                    relations.AddRange(parameter.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(r => r.ToLowerInvariant()));
                }
            }

            links.Add((target, relations));
            if (i >= value.Length)
            {
                return links;
            }
        }
    }

    /// <summary>True when the header links <paramref name="target"/> with the relation type <c>deprecation</c>.</summary>
    public static bool HasDeprecationLink(string? value, string target) =>
        Parse(value).Any(l => l.Target == target && l.Relations.Contains("deprecation"));

    private static (string Name, string Value)? ReadParameter(string text, ref int i)
    {
        i++; // ';'
        SkipSpace(text, ref i);
        var start = i;
        while (i < text.Length && text[i] is not ('=' or ';' or ',' or ' ' or '\t'))
        {
            i++;
        }

        var name = text[start..i];
        SkipSpace(text, ref i);
        if (name.Length == 0)
        {
            return null;
        }

        if (i >= text.Length || text[i] != '=')
        {
            return (name, "");
        }

        i++;
        SkipSpace(text, ref i);
        if (i < text.Length && text[i] == '"')
        {
            var value = new System.Text.StringBuilder();
            for (i++; i < text.Length && text[i] != '"'; i++)
            {
                if (text[i] == '\\' && i + 1 < text.Length)
                {
                    i++;
                }

                value.Append(text[i]);
            }

            if (i >= text.Length)
            {
                return null;
            }

            i++;
            return (name, value.ToString());
        }

        start = i;
        while (i < text.Length && text[i] is not (';' or ',' or ' ' or '\t'))
        {
            i++;
        }

        return (name, text[start..i]);
    }

    private static void SkipSpace(string text, ref int i)
    {
        while (i < text.Length && text[i] is ' ' or '\t')
        {
            i++;
        }
    }
}
