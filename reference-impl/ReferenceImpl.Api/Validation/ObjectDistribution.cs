using System.Text.Json;
using ReferenceImpl.Api.Json;
using ReferenceImpl.Api.Problems;
using StageContract.Distributions;
using StageContract.Normalization;

namespace ReferenceImpl.Api.Validation;

/// <summary>Reads an object-input distribution <c>{"&lt;stage&gt;": weight}</c>, keeping each entry's error path.</summary>
public static class ObjectDistribution
{
    /// <summary>The entries, or null when the member is absent (and not required).</summary>
    public static List<(WeightedStage Entry, string Path)>? Read(JsonElement root, string member, List<FieldError> errors, bool required)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (!root.TryGetProperty(member, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                errors.Add(new FieldError(member, "is required"));
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new FieldError(member, "must be an object of stage to weight"));
            return null;
        }

        var entries = new List<(WeightedStage, string)>();
        foreach (var property in value.EnumerateObject())
        {
            var path = JsonReading.Member(member, property.Name);
            if (JsonReading.Weight(property.Value, path, errors) is { } weight)
            {
                entries.Add((new WeightedStage(RawStage.FromString(property.Name), weight), path));
            }
        }

        return entries;
    }
}
