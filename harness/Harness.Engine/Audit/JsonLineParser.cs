using System.Text.Json;

namespace Harness.Engine.Audit;

/// <summary>
/// Reads JSON-lines access logs (and the harness's captures) with configurable field names
/// (<see cref="JsonFieldNames"/>). A body is taken when the body field holds a JSON value (its raw
/// text) or a string (the body as sent); a missing or null body field means the log did not record it.
/// </summary>
public sealed class JsonLineParser(JsonFieldNames fields, ClientKey client) : IAccessLogParser
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64 };

    /// <inheritdoc />
    public LineParse Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line, Options);
        }
        catch (JsonException e)
        {
            return LineParse.Malformed("not JSON (" + e.Message.Split('\n')[0] + ")");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return LineParse.Malformed("not a JSON object");
            }

            var method = Text(root, fields.Method)?.ToUpperInvariant();
            if (method is null || method.Length == 0 || !method.All(char.IsAsciiLetterUpper))
            {
                return LineParse.Malformed($"no method in field '{fields.Method}'");
            }

            var target = Text(root, fields.Path) is { } t ? RequestTarget.PathOf(t) : null;
            if (target is null)
            {
                return LineParse.Malformed($"no path starting with '/' (or absolute URL) in field '{fields.Path}'");
            }

            string? body = null;
            if (Find(root, fields.Body) is { } b && b.ValueKind != JsonValueKind.Null)
            {
                body = b.ValueKind == JsonValueKind.String ? b.GetString() : b.GetRawText();
            }

            return LineParse.Of(new AccessLogEntry(method, target, body, body is not null, ClientOf(root), Text(root, fields.RequestId)));
        }
    }

    private string? ClientOf(JsonElement root)
    {
        if (fields.Client is { } direct)
        {
            return Text(root, direct);
        }

        return client.Kind switch
        {
            ClientKeyKind.Ip => Text(root, fields.Ip),
            ClientKeyKind.UserAgent => Text(root, fields.UserAgent),
            _ => Find(root, fields.Headers) is { ValueKind: JsonValueKind.Object } headers ? Header(headers, client.HeaderName!) : null,
        };
    }

    private static string? Header(JsonElement headers, string name)
    {
        foreach (var property in headers.EnumerateObject())
        {
            if (property.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.Array when property.Value.GetArrayLength() > 0 && property.Value[0].ValueKind == JsonValueKind.String => property.Value[0].GetString(),
                    _ => null,
                };
            }
        }

        return null;
    }

    private static string? Text(JsonElement root, string path) =>
        Find(root, path) is { } e ? e.ValueKind switch
        {
            JsonValueKind.String => e.GetString(),
            JsonValueKind.Number => e.GetRawText(),
            _ => null,
        } : null;

    private static JsonElement? Find(JsonElement root, string path)
    {
        var current = root;
        foreach (var part in path.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(part, out current))
            {
                return null;
            }
        }

        return current;
    }
}
