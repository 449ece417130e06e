using YamlDotNet.RepresentationModel;

namespace Harness.Cli.Tests.CiTemplates;

/// <summary>
/// A GitLab CI file: an optional header document (<c>spec: inputs:</c>, for <c>include</c> with inputs), then
/// jobs (top-level mappings with a <c>script</c>), one of which runs <c>rehearse</c> in its script.
/// </summary>
internal static class GitLabCiCheck
{
    private static readonly HashSet<string> GlobalKeywords = ["default", "include", "stages", "variables", "workflow", "spec", "image", "services", "cache", "before_script", "after_script"];

    public static void Check(IReadOnlyList<YamlDocument> documents, List<string> kinds, List<string> problems)
    {
        var configuration = documents.ToList();
        if (configuration is [{ RootNode: YamlMappingNode header }, _, ..] && header.Children.Count == 1 && header.Child("spec") is { } spec)
        {
            if (spec.Child("inputs") is not YamlMappingNode { Children.Count: > 0 })
            {
                problems.Add("the header document's spec has no inputs");
            }

            configuration.RemoveAt(0);
        }

        if (configuration is not [{ RootNode: YamlMappingNode root }])
        {
            problems.Add("a GitLab CI file holds one configuration document (after an optional spec header)");
            return;
        }

        kinds.Add(TemplateKinds.GitLabCi);
        var jobs = root.Children.Where(c => !GlobalKeywords.Contains(c.Key.Text() ?? "") && c.Value is YamlMappingNode).ToList();
        if (jobs.Count == 0)
        {
            problems.Add("no job");
        }

        foreach (var (key, job) in jobs.Where(j => !(j.Key.Text() ?? "").StartsWith('.') && j.Value.Child("script") is null && j.Value.Child("trigger") is null && j.Value.Child("extends") is null))
        {
            problems.Add($"job '{key.Text()}' has no 'script'");
        }

        if (!jobs.Any(j => j.Value.Child("script").RehearseInvocations("script").Count > 0))
        {
            problems.Add("no job's script runs rehearse");
        }
    }
}
