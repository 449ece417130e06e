namespace Harness.Engine.Audit;

/// <summary>One request read from an access log.</summary>
/// <param name="Method">The HTTP method, upper-case.</param>
/// <param name="Target">The request target: path and query, as logged.</param>
/// <param name="Body">The request body; null when the log has none.</param>
/// <param name="HasBody">The log records the body (JSON lines with a body field); false for combined logs, which never do.</param>
/// <param name="Client">The client key's value; null when the line does not carry it.</param>
/// <param name="RequestId">The logged request id, if any.</param>
public sealed record AccessLogEntry(string Method, string Target, string? Body, bool HasBody, string? Client, string? RequestId);
