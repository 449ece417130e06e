using YamlDotNet.RepresentationModel;

namespace Harness.Cli.Tests.CiTemplates;

/// <summary>
/// Kubernetes objects: each document has <c>apiVersion</c> and <c>kind</c>; the kinds that run <c>rehearse</c> as
/// a promotion check have their essentials (an Argo Rollouts AnalysisTemplate with a Job metric, a Flagger Canary
/// with a pre-rollout webhook, an Indexed Job, possibly with plain Jobs beside it); other documents may only be the usual companions (a Service, a
/// ConfigMap, ...); and a file holds at least one of the checking kinds.
/// </summary>
internal static class KubernetesCheck
{
    private static readonly HashSet<string> Companions =
        ["Rollout", "Deployment", "Service", "ConfigMap", "Secret", "ServiceAccount", "Role", "RoleBinding", "PersistentVolumeClaim", "Namespace"];

    public static void Check(IReadOnlyList<YamlDocument> documents, List<string> kinds, List<string> problems)
    {
        var jobs = 0;
        foreach (var (document, index) in documents.Select((d, i) => (d.RootNode, i)))
        {
            var where = $"document {index + 1} (line {document.Start.Line})";
            var apiVersion = document.Child("apiVersion").Text();
            var kind = document.Child("kind").Text();
            if (apiVersion is null || kind is null)
            {
                problems.Add($"{where}: not a Kubernetes object (no apiVersion or kind)");
                continue;
            }

            switch (kind)
            {
                case "AnalysisTemplate" or "ClusterAnalysisTemplate":
                    kinds.Add(TemplateKinds.ArgoAnalysisTemplate);
                    Expect(problems, where, apiVersion == "argoproj.io/v1alpha1", $"apiVersion {apiVersion}, not argoproj.io/v1alpha1");
                    var jobMetrics = document.Child("spec").Child("metrics").Items().Select(m => m.Child("provider").Child("job")).OfType<YamlNode>().ToList();
                    Expect(problems, where, jobMetrics.Count > 0, "no metric with provider.job");
                    Expect(problems, where, jobMetrics.Any(j => j.RehearseInvocations().Count > 0), "no Job metric runs rehearse");
                    break;
                case "Canary":
                    kinds.Add(TemplateKinds.FlaggerCanary);
                    Expect(problems, where, apiVersion == "flagger.app/v1beta1", $"apiVersion {apiVersion}, not flagger.app/v1beta1");
                    var preRollout = document.Child("spec").Child("analysis").Child("webhooks").Items().Where(w => w.Child("type").Text() == "pre-rollout").ToList();
                    Expect(problems, where, preRollout.Count > 0, "no webhook with type: pre-rollout");
                    Expect(problems, where, preRollout.Any(w => w.RehearseInvocations().Count > 0), "no pre-rollout webhook runs rehearse");
                    break;
                case "Job":
                    // A sharded run is an Indexed Job (one shard per completion index); a plain Job beside it (the
                    // merge, say) is fine, but a file of Jobs must hold an Indexed one.
                    jobs++;
                    if (document.Child("spec").Child("completionMode").Text() == "Indexed")
                    {
                        kinds.Add(TemplateKinds.IndexedJob);
                    }

                    Expect(problems, where, apiVersion == "batch/v1", $"apiVersion {apiVersion}, not batch/v1");
                    Expect(problems, where, document.Child("spec").Child("template").RehearseInvocations().Count > 0, "its pod template does not run rehearse");
                    break;
                default:
                    Expect(problems, where, Companions.Contains(kind), $"kind {kind} is neither a promotion check (AnalysisTemplate, Canary, Indexed Job) nor a usual companion ({string.Join(", ", Companions)})");
                    break;
            }
        }

        Expect(problems, "the file", jobs == 0 || kinds.Contains(TemplateKinds.IndexedJob), "its Jobs have no spec.completionMode: Indexed (one shard per completion index)");
        Expect(problems, "the file", kinds.Count > 0, "holds no AnalysisTemplate, Canary or Indexed Job");
    }

    private static void Expect(List<string> problems, string where, bool condition, string problem)
    {
        if (!condition)
        {
            problems.Add($"{where}: {problem}");
        }
    }
}
