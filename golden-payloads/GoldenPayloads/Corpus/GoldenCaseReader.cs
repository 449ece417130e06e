using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using StageContract.Endpoints;

namespace GoldenPayloads.Corpus;

/// <summary>Parses and validates one corpus file; every problem is reported, not only the first.</summary>
public static partial class GoldenCaseReader
{
    private static readonly string[] RootMembers = ["archetype", "description", "request"];
    private static readonly string[] RequestMembers = ["method", "path", "body", "rawBody"];

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
    };

    /// <summary>The case, or the problems that make the file unusable (each a short phrase).</summary>
    public static (GoldenCase? Case, IReadOnlyList<string> Problems) Read(string json, StageEndpoint endpoint, string archetypeFromFileName, string sourcePath)
    {
        ArgumentNullException.ThrowIfNull(json);
        var problems = new List<string>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException e)
        {
            var line = ((e.LineNumber ?? 0) + 1).ToString(CultureInfo.InvariantCulture);
            return (null, [$"not valid JSON (line {line}): {FirstLine(e.Message)}"]);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, ["the document must be a JSON object {archetype, description, request}"]);
            }

            Unexpected(root, RootMembers, "", problems);
            var archetype = RequiredString(root, "archetype", problems);
            if (archetype is not null)
            {
                if (!Kebab().IsMatch(archetype))
                {
                    problems.Add($"archetype '{archetype}' must be lower-case kebab-case (a-z, 0-9, '-')");
                }
                else if (!string.Equals(archetype, archetypeFromFileName, StringComparison.Ordinal))
                {
                    problems.Add($"archetype '{archetype}' must equal the file name '{archetypeFromFileName}.json'");
                }
            }

            var description = RequiredString(root, "description", problems);
            var request = ReadRequest(root, endpoint, problems);
            return problems.Count > 0 || archetype is null || description is null || request is null
                ? (null, problems)
                : (new GoldenCase(endpoint, archetype, description, request, sourcePath), problems);
        }
    }

    private static GoldenRequest? ReadRequest(JsonElement root, StageEndpoint endpoint, List<string> problems)
    {
        if (!root.TryGetProperty("request", out var request) || request.ValueKind != JsonValueKind.Object)
        {
            problems.Add("'request' must be an object {method, path, body?, rawBody?}");
            return null;
        }

        Unexpected(request, RequestMembers, "request.", problems);
        var method = RequiredString(request, "method", problems, "request.");
        if (method is not null && !string.Equals(method, endpoint.Method, StringComparison.Ordinal))
        {
            problems.Add($"request.method must be {endpoint.Method} for the {endpoint.FolderName()} endpoint, got '{method}'");
        }

        var path = RequiredString(request, "path", problems, "request.");
        if (path is not null)
        {
            if (!path.StartsWith('/') || path.AsSpan().ContainsAnyExceptInRange('!', '~'))
            {
                problems.Add($"request.path '{path}' must start with '/' and be percent-encoded visible ASCII");
            }
            else if (!endpoint.Matches(path))
            {
                problems.Add($"request.path '{path}' does not address the {endpoint.FolderName()} endpoint ({endpoint.Route})");
            }
        }

        JsonElement? body = request.TryGetProperty("body", out var b) ? b.Clone() : null;
        string? rawBody = null;
        if (request.TryGetProperty("rawBody", out var raw))
        {
            if (raw.ValueKind == JsonValueKind.String)
            {
                rawBody = raw.GetString();
            }
            else
            {
                problems.Add("request.rawBody must be a string (the exact bytes to send)");
            }
        }

        var hasBody = body is not null || request.TryGetProperty("rawBody", out _);
        if (body is not null && request.TryGetProperty("rawBody", out _))
        {
            problems.Add("request must have at most one of 'body' and 'rawBody'");
        }
        else if (method == "GET" && hasBody)
        {
            problems.Add("a GET request has no body: put the stage in the query");
        }
        else if (method is not null && method != "GET" && !hasBody)
        {
            problems.Add($"a {method} request needs 'body' (JSON) or 'rawBody' (verbatim text)");
        }

        return method is null || path is null ? null : new GoldenRequest(method, path, body, rawBody);
    }

    private static string? RequiredString(JsonElement obj, string name, List<string> problems, string prefix = "")
    {
        if (obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString()))
        {
            return value.GetString();
        }

        problems.Add($"'{prefix}{name}' must be a non-empty string");
        return null;
    }

    private static void Unexpected(JsonElement obj, string[] allowed, string prefix, List<string> problems)
    {
        foreach (var property in obj.EnumerateObject())
        {
            if (!allowed.Contains(property.Name, StringComparer.Ordinal))
            {
                problems.Add($"unexpected member '{prefix}{property.Name}' (allowed: {string.Join(", ", allowed)})");
            }
        }
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Kebab();
}
