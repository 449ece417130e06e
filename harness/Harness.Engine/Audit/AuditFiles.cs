using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Harness.Engine.Reports;

namespace Harness.Engine.Audit;

/// <summary>Writes an audit's files: <c>audit.json</c> (the model), <c>audit.md</c> (table) and <c>worst-clients.png</c> (ScottPlot chart).</summary>
public static class AuditFiles
{
    /// <summary>The file names, in the order they are written.</summary>
    public static IReadOnlyList<string> Names { get; } = ["audit.json", "audit.md", "worst-clients.png"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The report as indented JSON (camelCase, enums by name).</summary>
    public static string ToJson(AuditReport report) => JsonSerializer.Serialize(report, Json) + "\n";

    /// <summary>Writes the three files into <paramref name="directory"/>; returns their paths.</summary>
    public static async Task<IReadOnlyList<string>> WriteAllAsync(AuditReport report, string directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        Directory.CreateDirectory(directory);
        var utf8 = new UTF8Encoding(false);
        var paths = Names.Select(n => Path.Combine(directory, n)).ToList();
        await File.WriteAllTextAsync(paths[0], ToJson(report), utf8, cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(paths[1], AuditMarkdownWriter.Write(report, Names[2]), utf8, cancellationToken).ConfigureAwait(false);
        await File.WriteAllBytesAsync(paths[2], ChartRenderer.RenderPng(AuditChart.Of(report)), cancellationToken).ConfigureAwait(false);
        return paths;
    }
}
