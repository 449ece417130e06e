using System.Globalization;
using System.Text.Json;
using ReferenceImpl.Api.Problems;
using StageContract.Normalization;

namespace ReferenceImpl.Api.Json;

/// <summary>Small typed reads from a JSON object that record a field error instead of throwing.</summary>
public static class JsonReading
{
    /// <summary>A required integer within a range.</summary>
    public static long? ReadInteger(JsonElement obj, string name, string path, long min, long max, List<FieldError> errors, bool required = true)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                errors.Add(new FieldError(path, "is required"));
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number))
        {
            errors.Add(new FieldError(path, "must be an integer"));
            return null;
        }

        if (number < min || number > max)
        {
            errors.Add(new FieldError(path, string.Create(CultureInfo.InvariantCulture, $"must be within {min}..{max}")));
            return null;
        }

        return number;
    }

    /// <summary>A stage value: any JSON value is accepted here; what it means is the normalizer's call.</summary>
    public static RawStage Stage(JsonElement obj, string name) =>
        !obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? RawStage.FromString(null)
        : value.ValueKind == JsonValueKind.String ? RawStage.FromString(value.GetString())
        : RawStage.NotAString(value.GetRawText());

    /// <summary>A weight: must be a JSON number (range checks are the distribution rules').</summary>
    public static double? Weight(JsonElement value, string path, List<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (value.ValueKind != JsonValueKind.Number)
        {
            errors.Add(new FieldError(path, "weight must be a JSON number"));
            return null;
        }

        if (!value.TryGetDouble(out var weight))
        {
            errors.Add(new FieldError(path, "weight must be a finite number"));
            return null;
        }

        return weight;
    }

    /// <summary>A JSON-path-like member path that stays readable for odd property names.</summary>
    public static string Member(string parent, string name) =>
        parent + "[" + JsonSerializer.Serialize(name) + "]";
}
