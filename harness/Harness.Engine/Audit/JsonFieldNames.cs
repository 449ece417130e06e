namespace Harness.Engine.Audit;

/// <summary>
/// Where a JSON-lines access log keeps each part of a request. A name may be a dotted path into
/// nested objects (<c>request.method</c>). The defaults read the harness's own capture format.
/// </summary>
public sealed record JsonFieldNames
{
    /// <summary>The names that <see cref="With"/> accepts.</summary>
    public static IReadOnlyList<string> Keys { get; } = ["method", "path", "body", "requestId", "ip", "userAgent", "headers", "client"];

    /// <summary>The HTTP method; default <c>method</c>.</summary>
    public string Method { get; init; } = "method";

    /// <summary>The request target, path and query; default <c>path</c>.</summary>
    public string Path { get; init; } = "path";

    /// <summary>The request body, a JSON value or a string holding it; default <c>body</c>.</summary>
    public string Body { get; init; } = "body";

    /// <summary>The request id; default <c>requestId</c>.</summary>
    public string RequestId { get; init; } = "requestId";

    /// <summary>The remote address (client key <c>ip</c>); default <c>ip</c>.</summary>
    public string Ip { get; init; } = "ip";

    /// <summary>The user agent (client key <c>ua</c>); default <c>userAgent</c>.</summary>
    public string UserAgent { get; init; } = "userAgent";

    /// <summary>An object of request headers, looked up case-insensitively (client key <c>header:&lt;name&gt;</c>); default <c>headers</c>.</summary>
    public string Headers { get; init; } = "headers";

    /// <summary>A field that holds the client key itself, whatever its kind; default none (the key's own field).</summary>
    public string? Client { get; init; }

    /// <summary>These names with <c>key=name</c> applied; a <see cref="FormatException"/> names a bad one.</summary>
    public JsonFieldNames With(string assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        var eq = assignment.IndexOf('=', StringComparison.Ordinal);
        var key = eq < 0 ? assignment : assignment[..eq].Trim();
        var name = eq < 0 ? "" : assignment[(eq + 1)..].Trim();
        if (eq < 0 || name.Length == 0 || name.Split('.').Any(p => p.Length == 0))
        {
            throw new FormatException($"--field '{assignment}': expected <key>=<field name> (a dotted path for nested fields)");
        }

        return key switch
        {
            "method" => this with { Method = name },
            "path" => this with { Path = name },
            "body" => this with { Body = name },
            "requestId" => this with { RequestId = name },
            "ip" => this with { Ip = name },
            "userAgent" or "ua" => this with { UserAgent = name },
            "headers" => this with { Headers = name },
            "client" => this with { Client = name },
            _ => throw new FormatException($"--field '{assignment}': unknown key '{key}' (known: {string.Join(", ", Keys)})"),
        };
    }
}
