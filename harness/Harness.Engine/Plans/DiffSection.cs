using System.Globalization;
using Harness.Engine.Diff;
using YamlDotNet.RepresentationModel;

namespace Harness.Engine.Plans;

/// <summary>Reads a plan's <c>diff:</c> section into <see cref="DiffSettings"/> (defaults and validation are the settings' own).</summary>
internal static class DiffSection
{
    private static readonly string[] Keys = ["ignore", "expect", "writes", "threshold", "confidence", "requests", "golden"];

    public static DiffSettings Read(Reader reader, YamlMappingNode map)
    {
        reader.CheckKeys(map, Keys, "diff");
        var defaults = new DiffSettings();
        var ignore = new List<IgnoreRule>();
        foreach (var (node, text) in Strings(reader, map, "ignore"))
        {
            ignore.Add(IgnoreRule.Parse(text) ?? throw reader.Error(node, $"diff: ignore '{text}' is not a rule (a body path from '$' such as '$.items[*].id' or '$..createdAt', 'header:<Name>', 'status' or 'content-type')"));
        }

        var expect = new List<DiffExpectation>();
        foreach (var (node, text) in Strings(reader, map, "expect"))
        {
            expect.Add(DiffExpectations.Parse(text) ?? throw reader.Error(node, $"diff: expect '{text}' is not one of {string.Join(", ", DiffExpectations.All.Select(e => e.Name))}"));
        }

        var writes = reader.String(map, "writes", required: false) switch
        {
            null or "reads-only" => DiffWrites.ReadsOnly,
            "separate-stores" => DiffWrites.SeparateStores,
            var other => throw reader.Error(map, $"diff: writes '{other}' must be reads-only or separate-stores"),
        };
        var threshold = defaults.Threshold;
        if (reader.String(map, "threshold", required: false) is { } thresholdText)
        {
            threshold = Threshold.TryParse(thresholdText, out var parsed, out var error) ? parsed : throw reader.Error(map, "diff: threshold: " + error);
        }

        var confidence = defaults.Confidence;
        if (reader.String(map, "confidence", required: false) is { } c)
        {
            confidence = double.TryParse(c, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : throw reader.Error(map, $"diff: confidence '{c}' is not a number");
        }

        var settings = new DiffSettings
        {
            Ignore = ignore,
            Expect = expect,
            Writes = writes,
            Threshold = threshold,
            Confidence = confidence,
            Requests = reader.Int(map, "requests", required: false, defaults.Requests),
            Golden = reader.Bool(map, "golden", defaults.Golden),
        };
        return settings.Problem() is { } problem ? throw reader.Error(map, "diff: " + problem) : settings;
    }

    private static IEnumerable<(YamlNode Node, string Text)> Strings(Reader reader, YamlMappingNode map, string key)
    {
        switch (Reader.Optional(map, key))
        {
            case null:
                yield break;
            case YamlScalarNode scalar:
                yield return (scalar, scalar.Value ?? "");
                break;
            case YamlSequenceNode list:
                foreach (var item in list.Children)
                {
                    yield return item is YamlScalarNode s ? (s, s.Value ?? "") : throw reader.Error(item, $"diff: each of '{key}' must be a single value");
                }

                break;
            case var other:
                throw reader.Error(other, $"diff: '{key}' must be a value or a list of values");
        }
    }
}
