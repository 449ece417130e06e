using System.Text.RegularExpressions;

namespace Observability.Tests;

/// <summary>
/// The metric names a PromQL expression selects: identifiers that are not functions, aggregation
/// or binary keywords, label names (in braces or in by/on/without/ignoring/group lists), or
/// durations. Enough for the expressions in this repository's rule file, which the tests check
/// with promtool as well.
/// </summary>
internal static partial class PromqlNames
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "by", "without", "on", "ignoring", "group_left", "group_right", "offset", "bool", "and", "or", "unless",
        "sum", "min", "max", "avg", "count", "stddev", "stdvar", "topk", "bottomk", "quantile", "count_values", "group",
        "inf", "nan",
    };

    public static IReadOnlyList<string> Of(string expression)
    {
        var text = StringLiteral().Replace(expression, "\"\"");
        text = Braces().Replace(text, "");
        text = LabelList().Replace(text, "");
        text = Range().Replace(text, "");
        text = OffsetDuration().Replace(text, "offset");
        var names = new List<string>();
        foreach (Match match in Identifier().Matches(text))
        {
            var name = match.Value;
            var rest = text[(match.Index + name.Length)..].TrimStart();
            if (Keywords.Contains(name.ToLowerInvariant()) || rest.StartsWith('('))
            {
                continue;
            }

            names.Add(name);
        }

        return [.. names.Distinct(StringComparer.Ordinal)];
    }

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Braces();

    [GeneratedRegex(@"\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)")]
    private static partial Regex LabelList();

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex Range();

    [GeneratedRegex(@"offset\s+\d+[smhdwy]")]
    private static partial Regex OffsetDuration();

    [GeneratedRegex(@"(?<![\w.])[a-zA-Z_:][a-zA-Z0-9_:]*")]
    private static partial Regex Identifier();
}
