using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GoldenPayloads.Running;

/// <summary>Writes scrubbed bodies readably: markers such as <c>&lt;id&gt;</c> and non-ASCII stages are not escaped (the text is for people and diffs, never for HTML).</summary>
public static class GoldenJson
{
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions Indented = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = true };

    /// <summary>The node as JSON text; <c>null</c> for no node.</summary>
    public static string Write(JsonNode? node, bool indented = false) =>
        node?.ToJsonString(indented ? Indented : Compact) ?? "null";
}
