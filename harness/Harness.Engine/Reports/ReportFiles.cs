using System.Globalization;
using System.Text;
using Harness.Engine.Observability;

namespace Harness.Engine.Reports;

/// <summary>Writes the four report files into a directory, and the observability artifacts into its <c>observability/</c>.</summary>
public static class ReportFiles
{
    /// <summary>File names, in the order they are written.</summary>
    public static IReadOnlyList<string> Names { get; } = ["report.json", "junit.xml", "report.md", "report.html"];

    /// <summary>The default directory: <c>reports/&lt;UTC yyyyMMdd'T'HHmmss'Z'&gt;-&lt;phase&gt;</c> under <paramref name="root"/>.</summary>
    public static string DefaultDirectory(string root, DateTimeOffset startedAt, string phase) =>
        Path.Combine(root, "reports", startedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-" + phase);

    /// <summary>The observability artifacts, under <c>observability/</c> of a report directory: the alert and recording rules and the Grafana dashboard generated from them.</summary>
    public static IReadOnlyList<string> ObservabilityNames { get; } =
        [Path.Combine("observability", ObservabilityArtifacts.RulesFileName), Path.Combine("observability", ObservabilityArtifacts.DashboardFileName)];

    /// <summary>Writes report.json, junit.xml, report.md and report.html, then the observability artifacts; returns their paths.</summary>
    public static async Task<IReadOnlyList<string>> WriteAllAsync(RehearsalReport report, string directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        Directory.CreateDirectory(directory);
        var contents = new[]
        {
            ReportJson.Write(report), JUnitReportWriter.Write(report), MarkdownReportWriter.Write(report), HtmlReportWriter.Write(report),
        };
        var paths = new List<string>();
        for (var i = 0; i < Names.Count; i++)
        {
            var path = Path.Combine(directory, Names[i]);
            await File.WriteAllTextAsync(path, contents[i], new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
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
