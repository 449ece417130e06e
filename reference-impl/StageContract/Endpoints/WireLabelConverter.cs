using System.Text.Json;
using System.Text.Json.Serialization;

namespace StageContract.Endpoints;

/// <summary>
/// Reads and writes an enum as its lower-case member name, exactly: a data file that says
/// <c>"Array"</c>, <c>"arrays"</c> or <c>2</c> is refused at load instead of being guessed.
/// </summary>
public sealed class WireLabelConverter<TEnum> : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    private static readonly Dictionary<string, TEnum> ByLabel =
        Enum.GetValues<TEnum>().ToDictionary(Label, v => v, StringComparer.Ordinal);

    /// <summary>The wire label of a value: its member name in lower case.</summary>
    internal static string Label(TEnum value) =>
        Enum.IsDefined(value) ? value.ToString().ToLowerInvariant() : throw new ArgumentOutOfRangeException(nameof(value), value, null);

    /// <inheritdoc />
    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return text is not null && ByLabel.TryGetValue(text, out var value)
            ? value
            : throw new JsonException($"expected one of {string.Join(", ", ByLabel.Keys)}");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(Label(value));
    }
}
