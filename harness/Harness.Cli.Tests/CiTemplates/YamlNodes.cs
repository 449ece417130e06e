using YamlDotNet.RepresentationModel;

namespace Harness.Cli.Tests.CiTemplates;

/// <summary>Reading template YAML: a mapping's child by key, a scalar's text, and every <c>rehearse</c> command line below a node.</summary>
internal static class YamlNodes
{
    public static YamlNode? Child(this YamlNode? node, string key) =>
        node is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static string? Text(this YamlNode? node) => (node as YamlScalarNode)?.Value;

    public static IEnumerable<YamlNode> Items(this YamlNode? node) => node is YamlSequenceNode sequence ? sequence.Children : [];

    // The keys whose values are shell scripts or command lines: GitHub's run, GitLab's script lists, a container's
    // command and args (sh -c), Flagger's webhook cmd. Other scalars (names, descriptions) are never commands.
    private static readonly HashSet<string> ScriptKeys = ["run", "script", "before_script", "after_script", "command", "args", "cmd"];

    /// <summary>
    /// Every <c>rehearse</c> command line below <paramref name="node"/>: in a scalar under a script key (see
    /// <see cref="ScriptKeys"/>) read as a shell script, and in a container whose <c>command</c> list starts with
    /// <c>rehearse</c> (its <c>args</c> list follows). <paramref name="key"/> is the key <paramref name="node"/> is the value of.
    /// </summary>
    public static IReadOnlyList<RehearseInvocation> RehearseInvocations(this YamlNode? node, string key = "")
    {
        var found = new List<RehearseInvocation>();
        Walk(node, key, key, found);
        return found;
    }

    private static void Walk(YamlNode? node, string path, string key, List<RehearseInvocation> found)
    {
        switch (node)
        {
            case YamlScalarNode { Value: { } text } scalar when ScriptKeys.Contains(key):
                found.AddRange(ShellScript.RehearseCommands(text).Select(args => new RehearseInvocation($"line {scalar.Start.Line} ({path})", args)));
                break;
            case YamlSequenceNode sequence:
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    Walk(sequence.Children[i], $"{path}[{i}]", key, found);
                }

                break;
            case YamlMappingNode mapping:
                var container = ContainerCommand(mapping);
                if (container is not null)
                {
                    found.Add(new RehearseInvocation($"line {mapping.Start.Line} ({path}.command)", container));
                }

                foreach (var (child, value) in mapping.Children)
                {
                    var name = child.Text() ?? "?";
                    if (container is null || name is not ("command" or "args"))
                    {
                        Walk(value, path.Length == 0 ? name : $"{path}.{name}", name, found);
                    }
                }

                break;
        }
    }

    // Kubernetes containers: command: [rehearse, ...] and args: [...], each item one argument (no shell).
    private static List<string>? ContainerCommand(YamlMappingNode mapping)
    {
        if (mapping.Child("command") is not YamlSequenceNode command
            || command.Children.FirstOrDefault().Text() is not { } program
            || Path.GetFileName(ShellScript.Expand(program)) != "rehearse")
        {
            return null;
        }

        return command.Children.Skip(1).Concat(mapping.Child("args").Items())
            .Select(item => ShellScript.Expand(item.Text() ?? "")).ToList();
    }
}
