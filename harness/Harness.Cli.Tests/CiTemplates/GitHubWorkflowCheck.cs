using YamlDotNet.RepresentationModel;

namespace Harness.Cli.Tests.CiTemplates;

/// <summary>
/// A GitHub Actions workflow: <c>on</c> with manual triggers only (these are examples: they must never run on
/// this repository's pushes or pull requests), <c>jobs</c>, each with <c>runs-on</c> and <c>steps</c>, every
/// step a <c>run</c> or a <c>uses</c>, and some step running <c>rehearse</c>.
/// </summary>
internal static class GitHubWorkflowCheck
{
    private static readonly HashSet<string> ManualTriggers = ["workflow_dispatch", "workflow_call"];

    public static void Check(IReadOnlyList<YamlDocument> documents, List<string> kinds, List<string> problems)
    {
        if (documents is not [{ RootNode: YamlMappingNode workflow }])
        {
            problems.Add("a workflow file holds one mapping document");
            return;
        }

        kinds.Add(TemplateKinds.GitHubWorkflow);
        var on = workflow.Child("on");
        var triggers = on switch
        {
            YamlScalarNode scalar => [scalar.Value ?? ""],
            YamlSequenceNode sequence => sequence.Children.Select(t => t.Text() ?? "").ToList(),
            YamlMappingNode mapping => mapping.Children.Keys.Select(k => k.Text() ?? "").ToList(),
            _ => new List<string>(),
        };
        if (triggers.Count == 0)
        {
            problems.Add("no 'on' (the workflow's triggers)");
        }

        problems.AddRange(triggers.Where(t => !ManualTriggers.Contains(t)).Select(t => $"trigger '{t}': an example workflow runs only when started by hand (workflow_dispatch) or called"));

        if (workflow.Child("jobs") is not YamlMappingNode { Children.Count: > 0 } jobs)
        {
            problems.Add("no 'jobs'");
            return;
        }

        var runsRehearse = false;
        foreach (var (key, job) in jobs.Children)
        {
            var name = key.Text();
            if (job.Child("runs-on") is null)
            {
                problems.Add($"job '{name}' has no 'runs-on'");
            }

            var steps = job.Child("steps").Items().ToList();
            if (steps.Count == 0)
            {
                problems.Add($"job '{name}' has no 'steps'");
            }

            foreach (var (step, index) in steps.Select((s, i) => (s, i)))
            {
                if (step.Child("run") is null && step.Child("uses") is null)
                {
                    problems.Add($"job '{name}' step {index} has neither 'run' nor 'uses'");
                }

                runsRehearse |= step.Child("run").RehearseInvocations("run").Count > 0;
            }
        }

        if (!runsRehearse)
        {
            problems.Add("no step runs rehearse");
        }
    }
}
