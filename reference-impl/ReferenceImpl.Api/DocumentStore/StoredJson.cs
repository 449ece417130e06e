using System.Text.Json;

namespace ReferenceImpl.Api.DocumentStore;

/// <summary>How documents are stored: the API's own (camelCase) shape, with strings made safe for jsonb.</summary>
internal static class StoredJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { Converters = { new JsonbSafeString() } };
}
