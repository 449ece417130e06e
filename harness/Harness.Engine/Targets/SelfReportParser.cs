using System.Globalization;
using System.Text.Json;

namespace Harness.Engine.Targets;

/// <summary>
/// Reads a self-report in the layouts services use: the fields at the top of the body, under a
/// wrapper object (<c>configuration</c>, <c>config</c>, <c>data</c>, <c>settings</c>), or as the first
/// element of <c>items</c>; names in camelCase, snake_case, kebab-case or PascalCase
/// (<c>dryRun</c>, <c>dry_run</c>, <c>DryRun</c>), with the usual synonyms (<c>current_mode</c>,
/// <c>endpoint_overrides</c>, <c>docs_url</c>); booleans and numbers as JSON values or strings;
/// overrides as an object of route to mode or a list of <c>{route, mode}</c>, routes in any
/// framework's spelling (<see cref="RouteSpelling"/>).
/// </summary>
public static class SelfReportParser
{
    private static readonly string[] ModeNames = ["currentmode", "mode", "globalmode", "validationmode", "stagevalidationmode", "effectivemode"];
    private static readonly string[] DryRunNames = ["dryrun", "stagevalidationdryrun", "shadow"];
    private static readonly string[] PercentNames = ["enforcementpercent", "enforcementpercentage", "enforcepercent", "percent"];
    private static readonly string[] WriteOnlyNames = ["enforcewriteonly", "enforcewritesonly", "writeonly"];
    private static readonly string[] OverrideNames = ["overrides", "endpointoverrides", "routeoverrides", "modeoverrides"];
    private static readonly string[] SunsetNames = ["sunset", "sunsetdate"];
    private static readonly string[] DocsNames = ["docsurl", "docs", "documentationurl", "docurl", "docslink"];
    private static readonly string[] Wrappers = ["configuration", "config", "data", "settings", "stagevalidation"];
    private static readonly string[] RouteNames = ["route", "endpoint", "path", "template", "routetemplate"];

    /// <summary>Parses a body; <paramref name="routes"/> are the contract's route templates overrides are mapped onto.</summary>
    public static TargetRead Parse(string json, IReadOnlyCollection<string> routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        try
        {
            using var document = JsonDocument.Parse(json);
            if (Locate(document.RootElement, "the body", depth: 0) is not var (fields, shape))
            {
                return Bad("no mode, dry run, percent, write-only, override, sunset or docs field was found (flat, under a wrapper object, or in items[0])");
            }

            var unreadable = new List<string>();
            var report = new SelfReport
            {
                Mode = Read(fields, ModeNames, "mode", unreadable, v => v.ValueKind == JsonValueKind.String && v.GetString()!.Trim().ToLowerInvariant() is "off" or "warn" or "enforce" ? v.GetString()!.Trim().ToLowerInvariant() : null),
                DryRun = Read(fields, DryRunNames, "dry run", unreadable, Bool),
                EnforcementPercent = Read(fields, PercentNames, "enforcement percent", unreadable, Percent),
                EnforceWriteOnly = Read(fields, WriteOnlyNames, "write-only", unreadable, Bool),
                Overrides = Read(fields, OverrideNames, "overrides", unreadable, v => Overrides(v, routes)),
                Sunset = Read(fields, SunsetNames, "sunset", unreadable, v => v.ValueKind == JsonValueKind.String ? v.GetString() : null),
                DocsUrl = Read(fields, DocsNames, "docs URL", unreadable, v => v.ValueKind == JsonValueKind.String ? v.GetString() : null),
                Shape = shape,
                Unreadable = unreadable,
            };
            return new TargetRead(report, null, false);
        }
        catch (JsonException e)
        {
            return Bad($"the body is not JSON: {e.Message.Split('\n')[0]}");
        }

        static TargetRead Bad(string why) => new(null, $"GET /{TargetProbe.DeprecationsPath}: {why}", false);
    }

    /// <summary>The property name folded for matching: lower case without '_', '-' or spaces.</summary>
    public static string Fold(string name) =>
        new([.. (name ?? throw new ArgumentNullException(nameof(name))).Where(c => c is not ('_' or '-' or ' ')).Select(char.ToLowerInvariant)]);

    private static (Dictionary<string, JsonElement> Fields, string Shape)? Locate(JsonElement element, string shape, int depth)
    {
        if (element.ValueKind != JsonValueKind.Object || depth > 3)
        {
            return null;
        }

        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            fields.TryAdd(Fold(property.Name), property.Value.Clone());
        }

        string[][] all = [ModeNames, DryRunNames, PercentNames, WriteOnlyNames, OverrideNames, SunsetNames, DocsNames];
        if (all.Any(names => names.Any(fields.ContainsKey)))
        {
            return (fields, shape);
        }

        if (fields.TryGetValue("items", out var items) && items.ValueKind == JsonValueKind.Array && items.GetArrayLength() > 0)
        {
            var label = items.GetArrayLength() == 1 ? "items[0]" : $"items[0] of {items.GetArrayLength().ToString(CultureInfo.InvariantCulture)}";
            return Locate(items[0], depth == 0 ? label : $"{shape}.{label}", depth + 1);
        }

        foreach (var wrapper in Wrappers)
        {
            if (fields.TryGetValue(wrapper, out var inner) && Locate(inner, depth == 0 ? wrapper : $"{shape}.{wrapper}", depth + 1) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static T? Read<T>(Dictionary<string, JsonElement> fields, string[] names, string what, List<string> unreadable, Func<JsonElement, T?> read)
    {
        foreach (var name in names)
        {
            if (!fields.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            var parsed = read(value);
            if (parsed is null)
            {
                unreadable.Add($"{what} ({name}): {Shorten(value.GetRawText())}");
            }

            return parsed;
        }

        return default;
    }

    private static bool? Bool(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => value.GetString()!.Trim().ToLowerInvariant() switch
        {
            "true" or "1" or "yes" or "on" => true,
            "false" or "0" or "no" or "off" => false,
            _ => null,
        },
        JsonValueKind.Number when value.TryGetInt32(out var n) && n is 0 or 1 => n == 1,
        _ => null,
    };

    private static int? Percent(JsonElement value)
    {
        double number;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var d))
        {
            number = d;
        }
        else if (value.ValueKind != JsonValueKind.String
                 || !double.TryParse(value.GetString()!.Trim().TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out number))
        {
            return null;
        }

        return number is >= 0 and <= 100 && number == Math.Floor(number) ? (int)number : null;
    }

    private static SortedDictionary<string, string>? Overrides(JsonElement value, IReadOnlyCollection<string> routes)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        IEnumerable<(string Route, JsonElement Mode)> pairs = value.ValueKind switch
        {
            JsonValueKind.Object => value.EnumerateObject().Select(p => (p.Name, p.Value)),
            JsonValueKind.Array => value.EnumerateArray().Select(Pair),
            _ => [("", default)],
        };
        foreach (var (route, mode) in pairs)
        {
            var modeText = mode.ValueKind switch
            {
                JsonValueKind.String => mode.GetString(),
                JsonValueKind.Object when mode.EnumerateObject().FirstOrDefault(p => Fold(p.Name) == "mode").Value is { ValueKind: JsonValueKind.String } m => m.GetString(),
                _ => null,
            };
            modeText = modeText?.Trim().ToLowerInvariant();
            if (route.Length == 0 || modeText is not ("off" or "warn" or "enforce"))
            {
                return null;
            }

            result[RouteSpelling.Match(route, routes) ?? route] = modeText;
        }

        return result;
    }

    private static (string Route, JsonElement Mode) Pair(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return ("", default);
        }

        var fields = item.EnumerateObject().ToDictionary(p => Fold(p.Name), p => p.Value, StringComparer.Ordinal);
        var route = RouteNames.Select(n => fields.GetValueOrDefault(n)).FirstOrDefault(v => v.ValueKind == JsonValueKind.String);
        return (route.ValueKind == JsonValueKind.String ? route.GetString()! : "", fields.GetValueOrDefault("mode"));
    }

    private static string Shorten(string text) => text.Length > 60 ? text[..60] + "..." : text;
}
