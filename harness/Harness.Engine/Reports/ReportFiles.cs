using System.Globalization;
using System.Text;

namespace Harness.Engine.Reports;

/// <summary>Writes the four report files into a directory.</summary>
public static class ReportFiles
{
    /// <summary>File names, in the order they are written.</summary>
    public static IReadOnlyList<string> Names { get; } = ["report.json", "junit.xml", "report.md", "report.html"];

    /// <summary>The default directory: <c>reports/&lt;UTC yyyyMMdd'T'HHmmss'Z'&gt;-&lt;phase&gt;</c> under <paramref name="root"/>.</summary>
    public static string DefaultDirectory(string root, DateTimeOffset startedAt, string phase) =>
        Path.Combine(root, "reports", startedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-" + phase);

    /// <summary>Writes report.json, junit.xml, report.md and report.html; returns their paths.</summary>
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

        return paths;
    }
}
