using System.Net.Sockets;
using System.Text.Json;
using Harness.Engine.Plans;

namespace Harness.Engine.Targets;

/// <summary>Reads <c>GET /api/deprecations</c>: <c>{mode, dryRun, enforcementPercent, enforceWriteOnly, overrides, sunset, docsUrl}</c>.</summary>
public static class TargetProbe
{
    /// <summary>Path of the self-description endpoint.</summary>
    public const string DeprecationsPath = "api/deprecations";

    /// <summary>Reads and parses the description; never throws for an unreachable or non-conforming target.</summary>
    public static async Task<TargetRead> ReadAsync(HttpClient http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync(new Uri(DeprecationsPath, UriKind.Relative), cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            return new TargetRead(null, $"cannot reach {http.BaseAddress}: {Describe(e)}", Unreachable: true);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            return new TargetRead(null, $"no answer from {http.BaseAddress} within {http.Timeout.TotalSeconds:0} s", Unreachable: e is not null);
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return new TargetRead(null, $"GET /{DeprecationsPath} answered {(int)response.StatusCode}", Unreachable: false);
            }

            return Parse(body);
        }
    }

    /// <summary>Parses the JSON body; an unusable body is an error value, not an exception.</summary>
    public static TargetRead Parse(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Bad("the body is not a JSON object");
            }

            if (!root.TryGetProperty("mode", out var mode) || mode.ValueKind != JsonValueKind.String)
            {
                return Bad("'mode' is missing or not a string");
            }

            var overrides = new SortedDictionary<string, string>(StringComparer.Ordinal);
            if (root.TryGetProperty("overrides", out var o) && o.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in o.EnumerateObject())
                {
                    overrides[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText();
                }
            }

            var configuration = new PhaseConfiguration
            {
                Mode = mode.GetString()!,
                DryRun = Bool(root, "dryRun"),
                EnforcementPercent = root.TryGetProperty("enforcementPercent", out var pct) && pct.TryGetInt32(out var p100) ? p100 : -1,
                EnforceWriteOnly = Bool(root, "enforceWriteOnly"),
                Overrides = overrides,
            };
            return new TargetRead(new TargetDescription(configuration, Text(root, "sunset"), Text(root, "docsUrl")), null, false);
        }
        catch (JsonException e)
        {
            return Bad($"the body is not JSON: {e.Message}");
        }

        static TargetRead Bad(string why) => new(null, $"GET /{DeprecationsPath}: {why}", false);
    }

    private static bool Bool(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;

    private static string Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";

    private static string Describe(HttpRequestException e) =>
        e.InnerException is SocketException s ? s.Message : e.Message;
}
