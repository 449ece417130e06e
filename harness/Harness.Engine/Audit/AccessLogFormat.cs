namespace Harness.Engine.Audit;

/// <summary>How an access log is written.</summary>
public enum AccessLogFormat
{
    /// <summary>JSON lines (a capture, or a structured access log) with configurable field names (<see cref="JsonFieldNames"/>).</summary>
    Json,

    /// <summary>The nginx/Apache combined log format (common log format lines are accepted too): no bodies, no headers but the user agent.</summary>
    Combined,
}
