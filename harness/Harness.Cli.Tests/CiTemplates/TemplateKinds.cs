namespace Harness.Cli.Tests.CiTemplates;

/// <summary>The kinds of template the suite knows, as <see cref="TemplateCheck"/> names them.</summary>
internal static class TemplateKinds
{
    public const string GitHubWorkflow = "GitHub Actions workflow";
    public const string GitLabCi = "GitLab CI";
    public const string ArgoAnalysisTemplate = "Argo Rollouts AnalysisTemplate";
    public const string FlaggerCanary = "Flagger Canary";
    public const string IndexedJob = "Kubernetes Indexed Job";
}
