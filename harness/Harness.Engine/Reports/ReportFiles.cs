using System.Globalization;
using System.Text;
using Harness.Engine.Observability;

namespace Harness.Engine.Reports;

/// <summary>Writes the report files and the release kit (runbook, changelog) into a directory, and the observability artifacts into its <c>observability/</c>.</summary>
public static class ReportFiles
{
    /// <summary>File names, in the order they are written.</summary>
    public static IReadOnlyList<string> Names { get; } = ["report.json", "junit.xml", "report.md", "report.html", "runbook.md", "changelog.md"];

    /// <summary>The default directory: <c>reports/&lt;UTC yyyyMMdd'T'HHmmss'Z'&gt;-&lt;phase&gt;</c> under <paramref name="root"/>.</summary>
    public static string DefaultDirectory(string root, DateTimeOffset startedAt, string phase) =>
        Path.Combine(root, "reports", startedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-" + phase);

    /// <summary>The observability artifacts, under <c>observability/</c> of a report directory: the alert and recording rules and the Grafana dashboard generated from them.</summary>
    public static IReadOnlyList<string> ObservabilityNames { get; } =
        [Path.Combine("observability", ObservabilityArtifacts.RulesFileName), Path.Combine("observability", ObservabilityArtifacts.DashboardFileName)];

    /// <summary>
    /// Every file of <see cref="Names"/> with its content, in that order; without report.json when
    /// <paramref name="withJson"/> is false (for <c>rehearse report</c>, which renders from it).
    /// </summary>
    public static IEnumerable<(string Name, string Content)> Rendered(RehearsalReport report, bool withJson)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (withJson)
        {
            yield return (Names[0], ReportJson.Write(report));
        }

        yield return (Names[1], JUnitReportWriter.Write(report));
        yield return (Names[2], MarkdownReportWriter.Write(report));
        yield return (Names[3], HtmlReportWriter.Write(report));
        yield return (Names[4], Kit.RunbookWriter.Write(report));
        yield return (Names[5], Kit.ChangelogWriter.Write(report));
    }

    /// <summary>Writes report.json, junit.xml, report.md, report.html, runbook.md and changelog.md, then the observability artifacts; returns their paths.</summary>
    public static async Task<IReadOnlyList<string>> WriteAllAsync(RehearsalReport report, string directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        Directory.CreateDirectory(directory);
        var paths = new List<string>();
        foreach (var (name, content) in Rendered(report, withJson: true))
        {
            var path = Path.Combine(directory, name);
            await File.WriteAllTextAsync(path, content, new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
            paths.Add(path);
        }

        Directory.CreateDirectory(Path.Combine(directory, "observability"));
        string[] artifacts = [ObservabilityArtifacts.Rules, ObservabilityArtifacts.Dashboard];
        for (var i = 0; i < ObservabilityNames.Count; i++)
        {
            var path = Path.Combine(directory, ObservabilityNames[i]);
            await File.WriteAllTextAsync(path, artifacts[i], new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
            paths.Add(path);
        }

        return paths;
    }
}
