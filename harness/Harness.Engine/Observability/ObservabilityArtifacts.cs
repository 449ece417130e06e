using System.Reflection;

namespace Harness.Engine.Observability;

/// <summary>
/// The alert and recording rules a team loads into its Prometheus (<c>observability/rules</c>,
/// embedded here), and the Grafana dashboard generated from them: shipped with every report, so
/// the evidence of a rehearsal comes with what to watch in production.
/// </summary>
public static class ObservabilityArtifacts
{
    /// <summary>File name of the rules, as in the repository.</summary>
    public const string RulesFileName = "stage-validation.rules.yml";

    /// <summary>File name of the dashboard, as in the repository.</summary>
    public const string DashboardFileName = "stage-validation.dashboard.json";

    /// <summary>The rule file's text.</summary>
    public static string Rules { get; } = Read("Harness.Engine.Observability." + RulesFileName);

    /// <summary>The dashboard generated from <see cref="Rules"/>.</summary>
    public static string Dashboard { get; } = DashboardGenerator.FromRules(Rules);

    private static string Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded resource {name} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
