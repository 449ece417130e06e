using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;

namespace Harness.Engine.Plans;

/// <summary>
/// A gate's <c>parameters</c> block: a JSON object (converted from YAML), read with typed getters
/// that report a wrong type as a message instead of throwing.
/// </summary>
public sealed class GateParameters
{
    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();

    /// <summary>Wraps a JSON object; anything else is treated as empty.</summary>
    public GateParameters(JsonElement json) => Json = json.ValueKind == JsonValueKind.Object ? json.Clone() : EmptyObject;

    /// <summary>No parameters.</summary>
    public static GateParameters Empty { get; } = new(EmptyObject);

    /// <summary>The parameters as JSON, for the report.</summary>
    public JsonElement Json { get; }

    /// <summary>Names of the parameters present.</summary>
    public IEnumerable<string> Names => Json.EnumerateObject().Select(p => p.Name);

    /// <summary>An integer parameter within a range, or its default when absent.</summary>
    public bool TryGetInt(string name, int defaultValue, int min, int max, out int value, [NotNullWhen(false)] out string? error)
    {
        value = defaultValue;
        error = null;
        if (!Json.TryGetProperty(name, out var p))
        {
            return true;
        }

        if (p.ValueKind == JsonValueKind.Number && p.TryGetInt32(out value) && value >= min && value <= max)
        {
            return true;
        }

        error = string.Create(CultureInfo.InvariantCulture, $"parameter '{name}' must be an integer within {min}..{max}, got {p.GetRawText()}");
        return false;
    }

    /// <summary>A string parameter from a closed set, or its default when absent.</summary>
    public bool TryGetChoice(string name, string defaultValue, IReadOnlyCollection<string> choices, out string value, [NotNullWhen(false)] out string? error)
    {
        value = defaultValue;
        error = null;
        if (!Json.TryGetProperty(name, out var p))
        {
            return true;
        }

        if (p.ValueKind == JsonValueKind.String && choices.Contains(p.GetString()!))
        {
            value = p.GetString()!;
            return true;
        }

        error = $"parameter '{name}' must be one of {string.Join(", ", choices)}, got {p.GetRawText()}";
        return false;
    }

    /// <summary>A string parameter, or its default when absent.</summary>
    public bool TryGetString(string name, string? defaultValue, out string? value, [NotNullWhen(false)] out string? error)
    {
        value = defaultValue;
        error = null;
        if (!Json.TryGetProperty(name, out var p))
        {
            return true;
        }

        if (p.ValueKind == JsonValueKind.String)
        {
            value = p.GetString();
            return true;
        }

        error = $"parameter '{name}' must be a string, got {p.GetRawText()}";
        return false;
    }

    /// <summary>A map of string lists (<c>{label: [values]}</c>), or null when absent.</summary>
    public bool TryGetStringListMap(string name, out IReadOnlyDictionary<string, IReadOnlyList<string>>? value, [NotNullWhen(false)] out string? error)
    {
        value = null;
        error = null;
        if (!Json.TryGetProperty(name, out var p))
        {
            return true;
        }

        var map = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (p.ValueKind == JsonValueKind.Object)
        {
            foreach (var entry in p.EnumerateObject())
            {
                if (entry.Value.ValueKind != JsonValueKind.Array || entry.Value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
                {
                    error = $"parameter '{name}.{entry.Name}' must be a list of strings";
                    return false;
                }

                map[entry.Name] = [.. entry.Value.EnumerateArray().Select(v => v.GetString()!)];
            }

            value = map;
            return true;
        }

        error = $"parameter '{name}' must be a map of lists of strings";
        return false;
    }

    /// <summary>Names present that are not in <paramref name="known"/>: a typo guard for plans.</summary>
    public IReadOnlyList<string> UnknownNames(IReadOnlyCollection<string> known) =>
        [.. Names.Where(n => !known.Contains(n))];
}
