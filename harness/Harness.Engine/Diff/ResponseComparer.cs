namespace Harness.Engine.Diff;

/// <summary>
/// Compares two answers field by field: the status, the media type, the compared headers (by name,
/// case-insensitively) and every body leaf by path; fields covered by an ignore rule are left out.
/// Pure: the same two answers always give the same differences, in field order.
/// </summary>
public sealed class ResponseComparer(IReadOnlyList<IgnoreRule> ignore)
{
    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();

    /// <summary>The differences of <paramref name="other"/> from <paramref name="primary"/>, not ignored ones.</summary>
    public IReadOnlyList<FieldDifference> Compare(DiffResponse primary, DiffResponse other)
    {
        ArgumentNullException.ThrowIfNull(primary);
        ArgumentNullException.ThrowIfNull(other);
        var differences = new List<FieldDifference>();
        if (primary.Status != other.Status)
        {
            differences.Add(new(DiffFields.Status, DifferenceKind.Changed, Text(primary), Text(other)));
        }

        Add(differences, DiffFields.ContentType, primary.ContentType, other.ContentType);
        var headers = primary.Headers.Keys.Concat(other.Headers.Keys)
            .DistinctBy(h => h, StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.OrdinalIgnoreCase);
        foreach (var name in headers)
        {
            Add(differences, DiffFields.Header(name), Header(primary, name), Header(other, name));
        }

        // An empty body has no fields: against a JSON body, each of its fields is missing or added.
        var left = primary.Body is null ? Empty : JsonPaths.Flatten(primary.Body);
        var right = other.Body is null ? Empty : JsonPaths.Flatten(other.Body);
        foreach (var path in left.Keys.Union(right.Keys).Order(StringComparer.Ordinal))
        {
            Add(differences, path, left.GetValueOrDefault(path), right.GetValueOrDefault(path));
        }

        return Kept(differences);
    }

    private List<FieldDifference> Kept(List<FieldDifference> differences) =>
        [.. differences.Where(d => !ignore.Any(rule => rule.Matches(d.Field)))];

    private static void Add(List<FieldDifference> differences, string field, string? primary, string? other)
    {
        if (string.Equals(primary, other, StringComparison.Ordinal))
        {
            return;
        }

        var kind = primary is null ? DifferenceKind.Added : other is null ? DifferenceKind.Missing : DifferenceKind.Changed;
        differences.Add(new FieldDifference(field, kind, primary, other));
    }

    private static string Text(DiffResponse response) =>
        response.Failure is { } failure ? "no answer: " + failure : response.Status.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string? Header(DiffResponse response, string name) =>
        response.Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}
