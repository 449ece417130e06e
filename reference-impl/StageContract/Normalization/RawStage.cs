namespace StageContract.Normalization;

/// <summary>
/// A stage value as it arrived: a string, or the raw text of a JSON value that is not a string,
/// or nothing (<see cref="Value"/> null).
/// </summary>
public readonly record struct RawStage(string? Value, bool IsString)
{
    /// <summary>A string stage value.</summary>
    public static RawStage FromString(string? value) => new(value, true);

    /// <summary>A JSON value that is not a string; <paramref name="rawJson"/> is its text.</summary>
    public static RawStage NotAString(string rawJson) => new(rawJson, false);

    public static implicit operator RawStage(string? value) => new(value, true);

    /// <summary>Same as the implicit conversion, for languages without it.</summary>
    public static RawStage ToRawStage(string? value) => FromString(value);

    /// <summary>The value as listed in headers and error bodies (null shows as "null").</summary>
    public string Display => Value ?? "null";
}
