using System.Text.Json;
using System.Text.Json.Serialization;

namespace Harness.Engine.Diff;

/// <summary>diff.json: the <see cref="DiffReport"/> as camelCase JSON, enums in kebab case; a pure function of the model.</summary>
public static class DiffJson
{
    /// <summary>Schema version of diff.json.</summary>
    public const int SchemaVersion = 1;

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <summary>The JSON text.</summary>
    public static string Write(DiffReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var document = new
        {
            schemaVersion = SchemaVersion,
            verdict = DiffMarkdownWriter.Verdict(report.Judgement.Status),
            targets = new { primary = report.Targets.Primary.AbsoluteUri, candidate = report.Targets.Candidate.AbsoluteUri, secondary = report.Targets.Secondary?.AbsoluteUri },
            report.Seed,
            report.PlanSource,
            report.Writes,
            writesNote = DiffMarkdownWriter.Writes(report),
            report.Ignore,
            report.Expect,
            report.Threshold,
            report.Confidence,
            report.Traffic,
            judgement = new { report.Judgement.Status, report.Judgement.Compared, report.Judgement.Differing, report.Judgement.Share, interval = new[] { report.Judgement.Low, report.Judgement.High }, report.Judgement.Reason },
            differences = report.Of(DiffClass.Counted),
            expected = report.Of(DiffClass.Expected),
            noise = report.Of(DiffClass.Noise),
            report.Problems,
            report.StartedAt,
            report.FinishedAt,
        };
        return JsonSerializer.Serialize(document, Options) + "\n";
    }
}
