using Harness.Engine.Observability;
using YamlDotNet.RepresentationModel;

namespace Harness.Engine.Reports.Kit;

/// <summary>One shipped alert rule, as the runbook lists it: who it pages and whether it downgrades the mode on its own.</summary>
/// <param name="Alert">The alert's name.</param>
/// <param name="Severity">Its <c>severity</c> label (<c>page</c>, <c>ticket</c>), or empty.</param>
/// <param name="Downgrades">True when its <c>rollout_action</c> label is <c>downgrade</c>: Alertmanager posts it to the auto-downgrade webhook.</param>
/// <param name="Summary">Its summary annotation, templates as written.</param>
public sealed record AlertRoute(string Alert, string Severity, bool Downgrades, string Summary)
{
    /// <summary>The alert rules shipped in <c>observability/</c> (<see cref="ObservabilityArtifacts.Rules"/>), in file order.</summary>
    public static IReadOnlyList<AlertRoute> Shipped { get; } = From(ObservabilityArtifacts.Rules);

    /// <summary>The alert rules of a Prometheus rules file.</summary>
    public static IReadOnlyList<AlertRoute> From(string rulesYaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(rulesYaml));
        var routes = new List<AlertRoute>();
        foreach (var group in Sequence(Root(stream), "groups"))
        {
            foreach (var rule in Sequence(group, "rules"))
            {
                if (Scalar(rule, "alert") is not { } alert)
                {
                    continue;
                }

                var labels = Child(rule, "labels");
                var annotations = Child(rule, "annotations");
                routes.Add(new AlertRoute(alert, Scalar(labels, "severity") ?? "", Scalar(labels, "rollout_action") == "downgrade", Scalar(annotations, "summary") ?? ""));
            }
        }

        return routes;
    }

    private static YamlMappingNode? Root(YamlStream stream) => stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode as YamlMappingNode;

    private static YamlMappingNode? Child(YamlMappingNode? node, string key) =>
        node is not null && node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child as YamlMappingNode : null;

    private static IEnumerable<YamlMappingNode> Sequence(YamlMappingNode? node, string key) =>
        node is not null && node.Children.TryGetValue(new YamlScalarNode(key), out var child) && child is YamlSequenceNode sequence
            ? sequence.Children.OfType<YamlMappingNode>()
            : [];

    private static string? Scalar(YamlMappingNode? node, string key) =>
        node is not null && node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? (child as YamlScalarNode)?.Value : null;
}
