namespace Harness.Engine.Diff;

/// <summary>
/// A field the diff does not compare. Written as a body path (<c>$.id</c>; <c>[*]</c> stands for any
/// array index, <c>$..name</c> for a member <c>name</c> at any depth) or a header (<c>header:Name</c>,
/// case-insensitive). <c>status</c> and <c>content-type</c> name those fields. A rule ignores the field
/// and everything under it.
/// </summary>
public sealed record IgnoreRule
{
    private IgnoreRule(string text) => Text = text;

    /// <summary>The rule as written.</summary>
    public string Text { get; }

    /// <summary>
    /// The default rules: values every response may hold differently without a behaviour change (request
    /// and correlation ids, generated resource ids, times, trace ids, and the <c>Location</c> and
    /// <c>Date</c> headers). A plan's or <c>--ignore</c>'s rules add to these.
    /// </summary>
    public static IReadOnlyList<IgnoreRule> Defaults { get; } =
    [
        .. new[] { "$..id", "$..correlationId", "$..requestId", "$..traceId", "$..instance", "$..createdAt", "$..updatedAt", "$..timestamp", "header:Location", "header:Date", "header:X-Request-Id" }
            .Select(t => Parse(t)!),
    ];

    /// <summary>A rule, or null when <paramref name="text"/> is not one (it must start with <c>$</c> or <c>header:</c>, or be <c>status</c> or <c>content-type</c>).</summary>
    public static IgnoreRule? Parse(string? text)
    {
        var t = text?.Trim();
        if (string.IsNullOrEmpty(t))
        {
            return null;
        }

        if (t.StartsWith(DiffFields.HeaderPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return t.Length > DiffFields.HeaderPrefix.Length && !t.Contains(' ', StringComparison.Ordinal) ? new IgnoreRule(t) : null;
        }

        if (t is DiffFields.Status or DiffFields.ContentType)
        {
            return new IgnoreRule(t);
        }

        return t.StartsWith('$') && !t.EndsWith('.') && !t.Contains("...", StringComparison.Ordinal) ? new IgnoreRule(t) : null;
    }

    /// <summary>True when the rule covers <paramref name="field"/> (a field name as the comparer writes it).</summary>
    public bool Matches(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (Text.StartsWith(DiffFields.HeaderPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return string.Equals(Text, field, StringComparison.OrdinalIgnoreCase);
        }

        if (!Text.StartsWith('$'))
        {
            return string.Equals(Text, field, StringComparison.Ordinal);
        }

        if (!field.StartsWith('$'))
        {
            return false;
        }

        var general = JsonPaths.Generalize(field);
        if (Text.StartsWith("$..", StringComparison.Ordinal))
        {
            var tail = Text[2..];
            return Covers(general, tail, anywhere: true);
        }

        return Covers(general, Text, anywhere: false) || Covers(field, Text, anywhere: false);
    }

    public override string ToString() => Text;

    private static bool Covers(string path, string rule, bool anywhere)
    {
        var at = anywhere ? path.IndexOf(rule, StringComparison.Ordinal) : (path.StartsWith(rule, StringComparison.Ordinal) ? 0 : -1);
        while (at >= 0)
        {
            var end = at + rule.Length;
            if (end == path.Length || path[end] is '.' or '[')
            {
                return true;
            }

            at = anywhere ? path.IndexOf(rule, at + 1, StringComparison.Ordinal) : -1;
        }

        return false;
    }
}
