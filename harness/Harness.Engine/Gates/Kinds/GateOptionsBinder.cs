using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Harness.Engine.Plans;

namespace Harness.Engine.Gates.Kinds;

/// <summary>
/// Reads a gate's <c>parameters</c> into its kind's options record: every property marked
/// <see cref="GateParameterAttribute"/> is a parameter named in camelCase, defaulting to the value the
/// record's initializer gives it, checked against its range or choices. Unknown names, wrong types and
/// out-of-range values are one-line errors naming the parameter, reported before any traffic is sent.
/// Supported types: int, double, bool, string, and a map of string lists.
/// </summary>
public static class GateOptionsBinder
{
    /// <summary>The options, or the first error.</summary>
    public static (object? Options, string? Error) Bind(Type optionsType, GateParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(optionsType);
        ArgumentNullException.ThrowIfNull(parameters);
        var options = Activator.CreateInstance(optionsType)!;
        var properties = Parameters(optionsType).ToDictionary(p => p.Name, p => p.Property, StringComparer.Ordinal);
        foreach (var entry in parameters.Json.EnumerateObject())
        {
            if (!properties.TryGetValue(entry.Name, out var property))
            {
                return (null, properties.Count == 0
                    ? $"unknown parameter '{entry.Name}' (this kind takes none)"
                    : $"unknown parameter '{entry.Name}' (allowed: {string.Join(", ", properties.Keys)})");
            }

            var attribute = property.GetCustomAttribute<GateParameterAttribute>()!;
            if (Convert(entry.Value, property.PropertyType, attribute, out var value) is { } problem)
            {
                return (null, $"parameter '{entry.Name}' {problem}, got {entry.Value.GetRawText()}");
            }

            property.SetValue(options, value);
        }

        return (options, null);
    }

    /// <summary>The parameters of an options type, for documentation.</summary>
    public static IReadOnlyList<GateParameterInfo> Describe(Type optionsType)
    {
        ArgumentNullException.ThrowIfNull(optionsType);
        var defaults = Activator.CreateInstance(optionsType)!;
        return [.. Parameters(optionsType).Select(p =>
        {
            var attribute = p.Property.GetCustomAttribute<GateParameterAttribute>()!;
            return new GateParameterInfo(p.Name, TypeName(p.Property.PropertyType), Show(p.Property.GetValue(defaults)), Allowed(attribute), attribute.Description);
        })];
    }

    private static IEnumerable<(string Name, PropertyInfo Property)> Parameters(Type optionsType) =>
        optionsType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<GateParameterAttribute>() is not null)
            .Select(p => (char.ToLowerInvariant(p.Name[0]) + p.Name[1..], p));

    private static string? Convert(JsonElement json, Type type, GateParameterAttribute attribute, out object? value)
    {
        value = null;
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target == typeof(int))
        {
            if (json.ValueKind != JsonValueKind.Number || !json.TryGetInt32(out var i) || i < attribute.Min || i > attribute.Max)
            {
                return $"must be an integer{Range(attribute)}";
            }

            value = i;
        }
        else if (target == typeof(double))
        {
            double d;
            if (!(json.ValueKind == JsonValueKind.Number ? json.TryGetDouble(out d)
                    : json.ValueKind == JsonValueKind.String && double.TryParse(json.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out d))
                || !double.IsFinite(d) || d < attribute.Min || d > attribute.Max
                || (attribute.Choices is { } choices && !choices.Any(c => double.Parse(c, CultureInfo.InvariantCulture) == d)))
            {
                return attribute.Choices is { } c ? $"must be one of {string.Join(", ", c)}" : $"must be a number{Range(attribute)}";
            }

            value = d;
        }
        else if (target == typeof(bool))
        {
            if (json.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                return "must be true or false";
            }

            value = json.ValueKind == JsonValueKind.True;
        }
        else if (target == typeof(string))
        {
            if (json.ValueKind != JsonValueKind.String || (attribute.Choices is { } choices && !choices.Contains(json.GetString())))
            {
                return attribute.Choices is { } c ? $"must be one of {string.Join(", ", c)}" : "must be a string";
            }

            value = json.GetString();
        }
        else if (target == typeof(IReadOnlyDictionary<string, IReadOnlyList<string>>))
        {
            if (json.ValueKind != JsonValueKind.Object
                || json.EnumerateObject().Any(e => e.Value.ValueKind != JsonValueKind.Array || e.Value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String)))
            {
                return "must be a map of lists of strings";
            }

            value = new SortedDictionary<string, IReadOnlyList<string>>(
                json.EnumerateObject().ToDictionary(e => e.Name, e => (IReadOnlyList<string>)[.. e.Value.EnumerateArray().Select(v => v.GetString()!)]), StringComparer.Ordinal);
        }
        else
        {
            throw new NotSupportedException($"gate parameters of type {type.Name} are not supported");
        }

        return null;
    }

    private static string Range(GateParameterAttribute a) =>
        double.IsNegativeInfinity(a.Min) && double.IsPositiveInfinity(a.Max) ? ""
        : string.Create(CultureInfo.InvariantCulture, $" within {a.Min:#,0.###}..{a.Max:#,0.###}").Replace(",", "", StringComparison.Ordinal);

    private static string Allowed(GateParameterAttribute a) =>
        a.Choices is { } choices ? "one of " + string.Join(", ", choices) : Range(a).Trim();

    private static string TypeName(Type type) =>
        (Nullable.GetUnderlyingType(type) ?? type) switch
        {
            var t when t == typeof(int) => "integer",
            var t when t == typeof(double) => "number",
            var t when t == typeof(bool) => "true/false",
            var t when t == typeof(string) => "text",
            _ => "map of lists",
        };

    private static string Show(object? value) => value switch
    {
        null => "none",
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString(CultureInfo.InvariantCulture),
        string s => s,
        _ => "the contract's",
    };
}
