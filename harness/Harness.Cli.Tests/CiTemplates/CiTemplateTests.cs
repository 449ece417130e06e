namespace Harness.Cli.Tests.CiTemplates;

/// <summary>
/// The CI templates under <c>.github/workflows/</c> and <c>ci-templates/</c>: each YAML file parses (every
/// document), has the essentials of its kind, and runs <c>rehearse</c> only with verbs and options the CLI has.
/// </summary>
public sealed class CiTemplateTests
{
    public static TheoryData<string> Templates()
    {
        var files = TemplateCheck.Files(RepositoryRoot.Find());
        // xunit fails a theory without data, but say why: an empty or moved folder must not pass quietly.
        Assert.True(files.Count > 0, $"no *.yml or *.yaml under {string.Join(" or ", TemplateCheck.Folders)} of {RepositoryRoot.Find()}");
        return new TheoryData<string>(files);
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void Template_HasTheEssentialsOfItsKind_AndRunsRehearseWithRealOptions(string relativePath)
    {
        var result = TemplateCheck.Check(relativePath, File.ReadAllText(Path.Combine(RepositoryRoot.Find(), relativePath)));
        Assert.True(result.Problems.Count == 0, $"{relativePath} ({string.Join(", ", result.Kinds.Distinct())}):\n  {string.Join("\n  ", result.Problems)}");
        Assert.NotEmpty(result.Kinds);
    }

    [Fact]
    public void Templates_CoverGitHubGitLabArgoAndFlagger()
    {
        var root = RepositoryRoot.Find();
        var kinds = TemplateCheck.Files(root).SelectMany(f => TemplateCheck.Check(f, File.ReadAllText(Path.Combine(root, f))).Kinds).ToHashSet();
        Assert.Subset(kinds, new HashSet<string> { TemplateKinds.GitHubWorkflow, TemplateKinds.GitLabCi, TemplateKinds.ArgoAnalysisTemplate, TemplateKinds.FlaggerCanary });
    }

    [Fact]
    public void Check_RenamedOption_IsAProblemNamingIt()
    {
        var result = TemplateCheck.Check(".github/workflows/x.yml", Workflow("rehearse --phase enforce-25 --targett https://service.example"));
        Assert.Contains(result.Problems, p => p.Contains("--targett", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_UnknownVerb_IsAProblemNamingTheVerb()
    {
        var result = TemplateCheck.Check(".github/workflows/x.yml", Workflow("rehearse deploy --phase enforce-25"));
        Assert.Contains(result.Problems, p => p.Contains("'deploy' is not a verb of rehearse", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_WorkflowOnPush_IsAProblem()
    {
        var result = TemplateCheck.Check(".github/workflows/x.yml", Workflow("rehearse phases").Replace("workflow_dispatch:", "push:", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.Contains("trigger 'push'", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_WorkflowWithoutRehearse_IsAProblem()
    {
        var result = TemplateCheck.Check(".github/workflows/x.yml", Workflow("dotnet tool install --tool-path t rehearse --version 0.15.0"));
        Assert.Contains("no step runs rehearse", result.Problems);
    }

    [Fact]
    public void Check_NameThatReadsLikeACommand_IsNotOne()
    {
        var workflow = Workflow("rehearse --phase off") + "\n        with:\n          check_name: rehearse ${{ inputs.phase }}\n";
        Assert.Empty(TemplateCheck.Check(".github/workflows/x.yml", workflow).Problems);
    }

    [Fact]
    public void Check_IndexedJobWithContainerCommand_ChecksItsArgs()
    {
        const string Job = """
            apiVersion: batch/v1
            kind: Job
            metadata: { name: shards }
            spec:
              completionMode: Indexed
              completions: 3
              template:
                spec:
                  restartPolicy: Never
                  containers:
                    - name: shard
                      image: rehearse:0.15.0
                      command: [rehearse]
                      args: ["--phase", "enforce-25", "--colour", "$(JOB_COMPLETION_INDEX)"]
            """;
        var result = TemplateCheck.Check("ci-templates/k8s/job.yaml", Job);
        Assert.Equal([TemplateKinds.IndexedJob], result.Kinds);
        Assert.Contains(result.Problems, p => p.Contains("--colour", StringComparison.Ordinal));
        Assert.Empty(TemplateCheck.Check("ci-templates/k8s/job.yaml", Job.Replace("\"--colour\", \"$(JOB_COMPLETION_INDEX)\"", "\"--seed\", \"$(JOB_COMPLETION_INDEX)\"", StringComparison.Ordinal)).Problems);
    }

    [Fact]
    public void Check_JobsWithoutAnIndexedOne_IsAProblem()
    {
        const string Plain = "apiVersion: batch/v1\nkind: Job\nspec:\n  template:\n    spec:\n      containers:\n        - { name: merge, image: x, command: [rehearse, phases] }\n";
        Assert.Contains(TemplateCheck.Check("ci-templates/k8s/job.yaml", Plain).Problems, p => p.Contains("completionMode: Indexed", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_MultiDocumentFile_ChecksEveryDocument()
    {
        const string Two = "apiVersion: flagger.app/v1beta1\nkind: Canary\nspec:\n  analysis:\n    webhooks:\n      - { name: r, type: pre-rollout, url: 'http://x/', metadata: { type: bash, cmd: 'rehearse --phase off' } }\n---\napiVersion: v1\nkind: Pod\n";
        var result = TemplateCheck.Check("ci-templates/flagger/x.yaml", Two);
        Assert.Equal([TemplateKinds.FlaggerCanary], result.Kinds);
        Assert.Contains(result.Problems, p => p.StartsWith("document 2", StringComparison.Ordinal) && p.Contains("kind Pod", StringComparison.Ordinal));
    }

    private static string Workflow(string run) => $"""
        name: x
        on:
          workflow_dispatch:
        jobs:
          rehearse:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
              - run: {run}
        """;
}
