using System.Text;

namespace Harness.Engine.Diff;

/// <summary>Writes a diff's report folder: report.md and diff.json.</summary>
public static class DiffReportFiles
{
    /// <summary>File names, in the order they are written.</summary>
    public static IReadOnlyList<string> Names { get; } = ["diff.json", "report.md"];

    /// <summary>Writes every file into <paramref name="directory"/> (created when missing); returns their paths.</summary>
    public static async Task<IReadOnlyList<string>> WriteAllAsync(DiffReport report, string directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        Directory.CreateDirectory(directory);
        string[] contents = [DiffJson.Write(report), DiffMarkdownWriter.Write(report)];
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
