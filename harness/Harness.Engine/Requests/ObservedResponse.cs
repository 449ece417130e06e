using System.Text.Json;

namespace Harness.Engine.Requests;

/// <summary>What a target answered: status, headers that matter, and the problem code if any.</summary>
/// <param name="Status">HTTP status; 0 when no answer came.</param>
/// <param name="Headers">Response headers (names case-insensitive), values joined with ", ".</param>
/// <param name="ErrorCode">The problem body's <c>code</c>, if the body is a problem.</param>
/// <param name="TransportError">Why no answer came; null otherwise.</param>
public sealed record ObservedResponse(int Status, IReadOnlyDictionary<string, string> Headers, string? ErrorCode, string? TransportError)
{
    /// <summary>A header value or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;

    /// <summary>Reads status, headers and problem code from a response.</summary>
    public static async Task<ObservedResponse> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var h in response.Headers.Concat(response.Content.Headers))
        {
            headers[h.Key] = string.Join(", ", h.Value);
        }

        string? code = null;
        // Media types compare case-insensitively and without parameters (RFC 9110 section 8.3.1); any +json problem is read.
        var mediaType = response.Content.Headers.ContentType?.MediaType?.ToLowerInvariant();
        if ((mediaType == "application/json" || mediaType?.EndsWith("+json", StringComparison.Ordinal) == true) && (int)response.StatusCode >= 400)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                using var doc = JsonDocument.Parse(body);
                if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String)
                {
                    code = c.GetString();
                }
            }
            catch (JsonException)
            {
                code = null;
            }
        }

        return new ObservedResponse((int)response.StatusCode, headers, code, null);
    }

    /// <summary>No answer.</summary>
    public static ObservedResponse Failed(string error) =>
        new(0, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase), null, error);
}
