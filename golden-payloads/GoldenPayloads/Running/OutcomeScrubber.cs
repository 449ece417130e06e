using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace GoldenPayloads.Running;

/// <summary>
/// Replaces what differs from run to run with fixed markers, so outcomes can be snapshotted and
/// compared: the request id wherever it appears (<c>&lt;request-id&gt;</c>), members named <c>id</c>
/// (<c>&lt;id&gt;</c>), any other <c>correlationId</c> (<c>&lt;correlation-id&gt;</c>), GUID-like text
/// (<c>&lt;guid&gt;</c>), and anything time-like: ISO 8601 or HTTP dates and members named like times
/// or durations (<c>&lt;time&gt;</c>, <c>&lt;duration&gt;</c>).
/// </summary>
public static partial class OutcomeScrubber
{
    /// <summary>Marker for the request id that was sent.</summary>
    public const string RequestIdMarker = "<request-id>";

    /// <summary>Marker for a resource id.</summary>
    public const string IdMarker = "<id>";

    /// <summary>Marker for a correlation id that is not the request id that was sent.</summary>
    public const string CorrelationIdMarker = "<correlation-id>";

    /// <summary>Marker for GUID-like text.</summary>
    public const string GuidMarker = "<guid>";

    /// <summary>Marker for a time.</summary>
    public const string TimeMarker = "<time>";

    /// <summary>Marker for a duration.</summary>
    public const string DurationMarker = "<duration>";

    /// <summary>A scrubbed deep copy of <paramref name="node"/>.</summary>
    public static JsonNode? Scrub(JsonNode? node, string requestId)
    {
        ArgumentNullException.ThrowIfNull(requestId);
        return node switch
        {
            null => null,
            JsonObject obj => ScrubObject(obj, requestId),
            JsonArray array => new JsonArray([.. array.Select(item => Scrub(item, requestId))]),
            JsonValue value when value.TryGetValue<string>(out var text) => JsonValue.Create(ScrubText(text, requestId)),
            _ => node.DeepClone(),
        };
    }

    /// <summary>The request id, GUIDs and whole-string times in a text replaced by markers.</summary>
    public static string ScrubText(string text, string requestId)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(requestId);
        if (requestId.Length > 0)
        {
            text = text.Replace(requestId, RequestIdMarker, StringComparison.Ordinal);
        }

        text = Guid().Replace(text, GuidMarker);
        return IsoTime().IsMatch(text) || HttpDate().IsMatch(text) ? TimeMarker : text;
    }

    /// <summary>A <c>Location</c> value reduced to its path with the last segment (the new id) replaced.</summary>
    public static string ScrubLocation(string location, string requestId)
    {
        ArgumentNullException.ThrowIfNull(location);
        var path = Uri.TryCreate(location, UriKind.Absolute, out var absolute) ? absolute.PathAndQuery : location;
        var slash = path.LastIndexOf('/');
        return slash < 0 || slash == path.Length - 1 ? ScrubText(path, requestId) : path[..(slash + 1)] + IdMarker;
    }

    private static JsonObject ScrubObject(JsonObject obj, string requestId)
    {
        var result = new JsonObject();
        foreach (var (name, value) in obj)
        {
            result[name] = value is null ? null : ScrubMember(name, value, requestId);
        }

        return result;
    }

    private static JsonNode? ScrubMember(string name, JsonNode value, string requestId)
    {
        if (string.Equals(name, "id", StringComparison.OrdinalIgnoreCase) && value is JsonValue)
        {
            return JsonValue.Create(IdMarker);
        }

        if (string.Equals(name, "correlationId", StringComparison.OrdinalIgnoreCase) && value is JsonValue)
        {
            return JsonValue.Create(value is JsonValue v && v.TryGetValue<string>(out var id) && id == requestId ? RequestIdMarker : CorrelationIdMarker);
        }

        if (value is JsonValue && TimeName().IsMatch(name))
        {
            return JsonValue.Create(TimeMarker);
        }

        if (value is JsonValue && DurationName().IsMatch(name))
        {
            return JsonValue.Create(DurationMarker);
        }

        return Scrub(value, requestId);
    }

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|(?<![0-9a-fA-F])[0-9a-fA-F]{32}(?![0-9a-fA-F])", RegexOptions.CultureInvariant)]
    private static partial Regex Guid();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}([.,]\d+)?)?)?(Z|[+-]\d{2}(:?\d{2})?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoTime();

    [GeneratedRegex(@"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$", RegexOptions.CultureInvariant)]
    private static partial Regex HttpDate();

    [GeneratedRegex("^(?i:time|timestamp|date|created|updated|now)$|[a-z0-9](At|Time|Timestamp|Date|Utc)$", RegexOptions.CultureInvariant)]
    private static partial Regex TimeName();

    [GeneratedRegex("(elapsed|duration|latency)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DurationName();
}
