using System.Text.Json.Nodes;

namespace Harness.Engine.Diff;

/// <summary>One target's answer to one request, as the diff compares it.</summary>
/// <param name="Status">HTTP status code; 0 when there was no answer.</param>
/// <param name="ContentType">Media type without parameters, lower case; null without a body.</param>
/// <param name="Headers">The compared headers (the contract's, by its spelling), name → value.</param>
/// <param name="Body">The body as JSON; a JSON string when it is not JSON; null when empty.</param>
/// <param name="Failure">Why there was no answer (transport failure, timeout); null when there was one.</param>
public sealed record DiffResponse(int Status, string? ContentType, IReadOnlyDictionary<string, string> Headers, JsonNode? Body, string? Failure = null)
{
    /// <summary>No answer, for <paramref name="reason"/>.</summary>
    public static DiffResponse Failed(string reason) => new(0, null, new Dictionary<string, string>(), null, reason);
}
