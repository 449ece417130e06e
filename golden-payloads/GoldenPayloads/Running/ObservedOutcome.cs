using System.Text.Json.Nodes;

namespace GoldenPayloads.Running;

/// <summary>What a target answered to one golden request, with volatile values scrubbed.</summary>
/// <param name="Status">HTTP status code.</param>
/// <param name="ContentType">The media type without parameters, lower case; null when there is no body.</param>
/// <param name="Headers">
/// The contract's stage headers (<c>X-Stage-*</c>, <c>Deprecation</c>, <c>Sunset</c>, <c>Link</c>) and
/// <c>Location</c> (its id scrubbed), keyed by the contract's spelling, sorted ordinally.
/// </param>
/// <param name="Body">The body as JSON with ids, GUIDs, the request id and times scrubbed; a JSON string when the body is not JSON; null when empty.</param>
/// <param name="RequestIdEchoed">True when <c>X-Request-Id</c> came back with the id that was sent.</param>
public sealed record ObservedOutcome(
    int Status,
    string? ContentType,
    IReadOnlyDictionary<string, string> Headers,
    JsonNode? Body,
    bool RequestIdEchoed)
{
    /// <summary>A header's value (names compare case-insensitively), or null when absent.</summary>
    public string? Header(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var (key, value) in Headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>A top-level string member of a JSON object body (e.g. a problem's <c>code</c>), or null.</summary>
    public string? BodyString(string member) =>
        Body is JsonObject obj && obj.TryGetPropertyValue(member, out var value) && value is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
