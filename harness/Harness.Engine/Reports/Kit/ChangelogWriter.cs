using System.Globalization;
using System.Text;

namespace Harness.Engine.Reports.Kit;

/// <summary>
/// <c>changelog.md</c>: the entry a team publishes to its API clients when it promotes the rehearsed
/// phase: what changes for requests with an unknown stage, what does not change, the sunset date and
/// the docs URL the target was held to. A pure function of the report model.
/// </summary>
public static class ChangelogWriter
{
    /// <summary>The changelog entry as Markdown.</summary>
    public static string Write(RehearsalReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture,
            $"## {report.StartedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}: investment stage validation, {MarkdownReportWriter.Cell(report.Phase)}\n\n");
        if (report.Verdict != Verdicts.Verdict.Go)
        {
            md.Append(CultureInfo.InvariantCulture,
                $"> Draft: the rehearsal of this phase was {Verdicts.VerdictRules.ToDisplay(report.Verdict)}; do not publish before a GO.\n\n");
        }

        md.Append("### What changes for API clients\n\n");
        md.Append("For requests that carry a stage name that is neither canonical nor a known alias:\n\n");
        foreach (var line in ClientImpact.ForUnknownStages(report.Configuration))
        {
            md.Append("- ").Append(line).Append('\n');
        }

        if (report.Ladder?.Previous is { } previous)
        {
            md.Append(CultureInfo.InvariantCulture,
                $"\nBefore this change ({MarkdownReportWriter.Cell(previous.Phase)}):\n\n");
            foreach (var line in ClientImpact.ForUnknownStages(previous.Configuration))
            {
                md.Append("- ").Append(line).Append('\n');
            }
        }

        md.Append("\n### What does not change\n\n- ").Append(ClientImpact.Unchanged).Append('\n');
        md.Append("- Every answer of the four stage endpoints carries `X-Stage-Mode` (the mode that decided it) and echoes `X-Request-Id`.\n");
        md.Append("\n### Dates and documentation\n\n");
        var values = report.ContractValues;
        md.Append(CultureInfo.InvariantCulture, $"- Sunset of the deprecated stage names: {Value(values?.Sunset)}\n");
        md.Append(CultureInfo.InvariantCulture, $"- Documentation: {Value(values?.DocsUrl)}\n");
        if (values is not null)
        {
            md.Append(CultureInfo.InvariantCulture, $"- Source of these values: {MarkdownReportWriter.Cell(values.Source)}\n");
        }

        return md.ToString();
    }

    private static string Value(string? value) =>
        value is { Length: > 0 } v ? "`" + MarkdownReportWriter.Cell(v).Replace("`", "'", StringComparison.Ordinal) + "`" : "not declared and not seen in the rehearsal (declare it in the plan's `contract:` block)";
}
