using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Harness.Engine.Plans;

/// <summary>Typed access to YAML mapping values with errors that name the source, line and column.</summary>
internal sealed class Reader(string source)
{
    public PlanException Error(YamlNode node, string message) =>
        new($"{source}:{node.Start.Line}:{node.Start.Column}: {message}");

    public void CheckKeys(YamlMappingNode map, string[] allowed, string what)
    {
        foreach (var key in map.Children.Keys)
        {
            var name = key is YamlScalarNode s ? s.Value : null;
            if (name is null || !allowed.Contains(name, StringComparer.Ordinal))
            {
                throw Error(key, $"unknown {what} key '{name}' (allowed: {string.Join(", ", allowed)})");
            }
        }
    }

    public YamlMappingNode AsMapping(YamlNode node, string what) =>
        node as YamlMappingNode ?? throw Error(node, $"{what} must be a mapping");

    public static YamlNode? Optional(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) && !IsNull(value) ? value : null;

    public YamlNode Required(YamlMappingNode map, string key) =>
        Optional(map, key) ?? throw Error(map, $"missing required key '{key}'");

    public YamlSequenceNode Sequence(YamlMappingNode map, string key) =>
        Required(map, key) as YamlSequenceNode ?? throw Error(Required(map, key), $"'{key}' must be a list");

    public string? String(YamlMappingNode map, string key, bool required)
    {
        var node = required ? Required(map, key) : Optional(map, key);
        return node switch
        {
            null => null,
            YamlScalarNode s => s.Value ?? "",
            _ => throw Error(node, $"'{key}' must be a single value"),
        };
    }

    public int Int(YamlMappingNode map, string key, bool required, int defaultValue)
    {
        var text = String(map, key, required);
        if (text is null)
        {
            return defaultValue;
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error(Required(map, key), $"'{key}' must be an integer, got '{text}'");
    }

    public bool Bool(YamlMappingNode map, string key, bool defaultValue)
    {
        var text = String(map, key, required: false);
        return text switch
        {
            null => defaultValue,
            "true" => true,
            "false" => false,
            _ => throw Error(Required(map, key), $"'{key}' must be true or false, got '{text}'"),
        };
    }

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" };
}
