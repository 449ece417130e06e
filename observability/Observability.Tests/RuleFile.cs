using YamlDotNet.RepresentationModel;

namespace Observability.Tests;

/// <summary>A Prometheus rule file, read as far as the tests need: every rule's name, kind and expression.</summary>
internal sealed record RuleFile(IReadOnlyList<Rule> Rules)
{
    public IEnumerable<Rule> Alerts => Rules.Where(r => r.IsAlert);

    public Rule Alert(string name) => Alerts.Single(a => a.Name == name);

    public static RuleFile Load(string path)
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            yaml.Load(reader);
        }

        var rules = new List<Rule>();
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        foreach (YamlMappingNode group in ((YamlSequenceNode)root["groups"]).Children.Cast<YamlMappingNode>())
        {
            foreach (YamlMappingNode rule in ((YamlSequenceNode)group["rules"]).Children.Cast<YamlMappingNode>())
            {
                var alert = Scalar(rule, "alert");
                var summary = rule.Children.TryGetValue(new YamlScalarNode("annotations"), out var annotations)
                    ? Scalar((YamlMappingNode)annotations, "summary") : null;
                var labels = rule.Children.TryGetValue(new YamlScalarNode("labels"), out var l)
                    ? ((YamlMappingNode)l).Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => ((YamlScalarNode)p.Value).Value!, StringComparer.Ordinal)
                    : new Dictionary<string, string>(StringComparer.Ordinal);
                rules.Add(new Rule(alert ?? Scalar(rule, "record")!, alert is not null, Scalar(rule, "expr")!, summary, labels));
            }
        }

        return new RuleFile(rules);
    }

    /// <summary>The raw metrics an expression reads, with the recording rules it names expanded to theirs.</summary>
    public IReadOnlySet<string> RawMetricsOf(string expression)
    {
        var records = Rules.Where(r => !r.IsAlert).ToDictionary(r => r.Name, r => r.Expression, StringComparer.Ordinal);
        var raw = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(PromqlNames.Of(expression));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (pending.TryPop(out var name))
        {
            if (!seen.Add(name))
            {
                continue;
            }

            if (records.TryGetValue(name, out var recorded))
            {
                foreach (var inner in PromqlNames.Of(recorded))
                {
                    pending.Push(inner);
                }
            }
            else
            {
                raw.Add(name);
            }
        }

        return raw;
    }

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;
}

/// <summary>One rule: an alert (with its summary template) or a recording rule.</summary>
internal sealed record Rule(string Name, bool IsAlert, string Expression, string? Summary, IReadOnlyDictionary<string, string> Labels);
