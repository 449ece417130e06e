namespace Harness.Engine.Diff;

/// <summary>How the diff names the fields of a response: <c>status</c>, <c>content-type</c>, <c>header:&lt;Name&gt;</c> and body paths from <c>$</c>.</summary>
public static class DiffFields
{
    /// <summary>The status code.</summary>
    public const string Status = "status";

    /// <summary>The media type of the body, without parameters.</summary>
    public const string ContentType = "content-type";

    /// <summary>The prefix of a header field.</summary>
    public const string HeaderPrefix = "header:";

    /// <summary>The field of header <paramref name="name"/>.</summary>
    public static string Header(string name) => HeaderPrefix + name;

    /// <summary>True for a header field.</summary>
    public static bool IsHeader(string field) => field.StartsWith(HeaderPrefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>The header name of a header field.</summary>
    public static string HeaderName(string field) => field[HeaderPrefix.Length..];
}
