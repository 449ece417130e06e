using System.Text.Json;

namespace Harness.Engine.Gates.Readiness;

/// <summary>One request of a traffic capture: a JSON line <c>{"method":"POST","path":"/api/...","body":{...},"requestId":"..."}</c>.</summary>
public sealed record CapturedRequest(string Method, string Path, string? Body, string? RequestId)
{
    private static readonly HashSet<string> Methods = ["GET", "POST", "PUT", "PATCH"];

    /// <summary>Reads a capture file; a bad line gives an error naming it, and nothing is replayed.</summary>
    public static (IReadOnlyList<CapturedRequest> Requests, string? Error) Load(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return ([], $"cannot read capture '{path}': {e.Message}");
        }

        var requests = new List<CapturedRequest>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0)
            {
                continue;
            }

            try
            {
                using var json = JsonDocument.Parse(lines[i]);
                var root = json.RootElement;
                var method = root.TryGetProperty("method", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()!.ToUpperInvariant() : null;
                var target = root.TryGetProperty("path", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
                if (method is null || !Methods.Contains(method) || target is null || !target.StartsWith('/'))
                {
                    return ([], $"capture '{path}' line {i + 1}: needs \"method\" (GET, POST, PUT, PATCH) and a \"path\" starting with '/'");
                }

                var body = root.TryGetProperty("body", out var b) && b.ValueKind != JsonValueKind.Null ? b.GetRawText() : null;
                var id = root.TryGetProperty("requestId", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
                requests.Add(new CapturedRequest(method, target, body, id));
            }
            catch (JsonException e)
            {
                return ([], $"capture '{path}' line {i + 1}: not JSON ({e.Message.Split('\n')[0]})");
            }
        }

        return requests.Count == 0 ? ([], $"capture '{path}' holds no request") : (requests, null);
    }
}
