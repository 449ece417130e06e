using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Harness.Cli.Tests.CiTemplates;

/// <summary>
/// Checks one template file: every document parses, has the essentials of its kind (by where the file is:
/// <c>.github/workflows/</c> holds GitHub workflows, <c>ci-templates/gitlab/</c> or <c>*.gitlab-ci.yml</c> GitLab
/// CI files, everything else under <c>ci-templates/</c> Kubernetes objects), and every <c>rehearse</c> command
/// line in it parses with the CLI's real command tree.
/// </summary>
internal static class TemplateCheck
{
    /// <summary>The folders, relative to the repository, whose YAML files are templates.</summary>
    public static readonly string[] Folders = [".github/workflows", "ci-templates"];

    /// <summary>Every template file under <see cref="Folders"/>, relative to <paramref name="root"/> with '/' separators, sorted.</summary>
    public static IReadOnlyList<string> Files(string root) =>
        Folders.Select(folder => Path.Combine(root, folder)).Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            .Where(file => file.EndsWith(".yml", StringComparison.Ordinal) || file.EndsWith(".yaml", StringComparison.Ordinal))
            .Select(file => Path.GetRelativePath(root, file).Replace('\\', '/'))
            .Order(StringComparer.Ordinal).ToList();

    public static TemplateResult Check(string relativePath, string text)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            return new TemplateResult([], [$"not valid YAML: {e.Message} (line {e.Start.Line})"]);
        }

        var documents = stream.Documents.Where(d => d.RootNode is not YamlScalarNode { Value: null or "" }).ToList();
        if (documents.Count == 0)
        {
            return new TemplateResult([], ["no YAML document in the file"]);
        }

        var kinds = new List<string>();
        var problems = new List<string>();
        if (relativePath.StartsWith(".github/workflows/", StringComparison.Ordinal))
        {
            GitHubWorkflowCheck.Check(documents, kinds, problems);
        }
        else if (relativePath.StartsWith("ci-templates/gitlab/", StringComparison.Ordinal) || relativePath.EndsWith(".gitlab-ci.yml", StringComparison.Ordinal))
        {
            GitLabCiCheck.Check(documents, kinds, problems);
        }
        else
        {
            KubernetesCheck.Check(documents, kinds, problems);
        }

        foreach (var invocation in documents.SelectMany(d => d.RootNode.RehearseInvocations()))
        {
            if (CliCommandLine.Problem(invocation.Arguments) is { } problem)
            {
                problems.Add($"{invocation}: {problem}");
            }
        }

        return new TemplateResult(kinds, problems);
    }
}
