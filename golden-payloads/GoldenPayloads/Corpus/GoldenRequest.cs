using System.Text.Json;

namespace GoldenPayloads.Corpus;

/// <summary>
/// The request of a golden case. At most one of <see cref="Body"/> (JSON, sent as written in the
/// file) and <see cref="RawBody"/> (sent verbatim, for malformed JSON) is set; GET has neither.
/// </summary>
/// <param name="Method">HTTP method, upper case.</param>
/// <param name="Path">Path and query, starting with '/', percent-encoded as it goes on the wire.</param>
/// <param name="Body">A JSON body; its text is sent exactly as the file writes it.</param>
/// <param name="RawBody">A body sent byte for byte (UTF-8) with a JSON content type.</param>
public sealed record GoldenRequest(string Method, string Path, JsonElement? Body, string? RawBody)
{
    /// <summary>The text sent as the body, or null when there is none.</summary>
    public string? BodyText => RawBody ?? Body?.GetRawText();
}
