using YamlDotNet.RepresentationModel;

namespace Harness.Engine.Observability;

/// <summary>A Prometheus rule file, read as far as the harness needs it: every rule's name, kind, expression, labels and summary, in file order.</summary>
public sealed record PrometheusRules(IReadOnlyList<PrometheusRule> Rules)
{
    /// <summary>The alerting rules.</summary>
    public IEnumerable<PrometheusRule> Alerts => Rules.Where(r => r.IsAlert);

    /// <summary>The recording rules.</summary>
    public IEnumerable<PrometheusRule> Records => Rules.Where(r => !r.IsAlert);

    /// <summary>Parses a rule file (<c>groups: [{name, rules: [{record|alert, expr, labels, annotations}]}]</c>).</summary>
    public static PrometheusRules Parse(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var stream = new YamlStream();
        using (var reader = new StringReader(yaml))
        {
            stream.Load(reader);
        }

        var rules = new List<PrometheusRule>();
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        foreach (var group in ((YamlSequenceNode)root["groups"]).Children.Cast<YamlMappingNode>())
        {
            foreach (var rule in ((YamlSequenceNode)group["rules"]).Children.Cast<YamlMappingNode>())
            {
                var alert = Scalar(rule, "alert");
                var summary = rule.Children.TryGetValue(new YamlScalarNode("annotations"), out var annotations) ? Scalar((YamlMappingNode)annotations, "summary") : null;
                var labels = rule.Children.TryGetValue(new YamlScalarNode("labels"), out var l)
                    ? ((YamlMappingNode)l).Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => ((YamlScalarNode)p.Value).Value!, StringComparer.Ordinal)
                    : new Dictionary<string, string>(StringComparer.Ordinal);
                rules.Add(new PrometheusRule(alert ?? Scalar(rule, "record") ?? "", alert is not null, Scalar(rule, "expr") ?? "", summary, labels));
            }
        }

        return new PrometheusRules(rules);
    }

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;
}

/// <summary>One rule: an alert (with its labels and summary template) or a recording rule.</summary>
/// <param name="Name">The alert's or the record's name.</param>
/// <param name="IsAlert">True for an alerting rule.</param>
/// <param name="Expression">The PromQL expression.</param>
/// <param name="Summary">The <c>summary</c> annotation's template; null when none.</param>
/// <param name="Labels">The labels the rule adds.</param>
public sealed record PrometheusRule(string Name, bool IsAlert, string Expression, string? Summary, IReadOnlyDictionary<string, string> Labels);
