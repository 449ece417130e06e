using System.Text.Json;

namespace ReferenceImpl.Api.DocumentStore;

/// <summary>
/// Postgres cannot store U+0000 in jsonb (nor in text), but a raw stage kept verbatim may hold one
/// (<c>"seed\u0000"</c> is Unknown and served outside enforce). Such a string, and any string that
/// starts with the marker itself, is stored as the marker U+0001 followed by <c>b64:</c> and the
/// base64 of its UTF-8 bytes; reading reverses it. Every other string is stored as it is, so the
/// stored documents stay readable and queryable, and no value is lost or altered.
/// </summary>
internal sealed class JsonbSafeString : System.Text.Json.Serialization.JsonConverter<string>
{
    private const string Marker = "\u0001b64:";

    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Decode(reader.GetString());

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(Encode(value));
    }

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Decode(reader.GetString())!;

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(Encode(value));
    }

    internal static string Encode(string value) =>
        value.Contains('\0', StringComparison.Ordinal) || value.StartsWith(Marker, StringComparison.Ordinal)
            ? Marker + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(value))
            : value;

    internal static string? Decode(string? value) =>
        value is not null && value.StartsWith(Marker, StringComparison.Ordinal)
            ? System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(value[Marker.Length..]))
            : value;
}
