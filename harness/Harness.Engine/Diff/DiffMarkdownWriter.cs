using System.Globalization;
using System.Text;
using Harness.Engine.Gates;

namespace Harness.Engine.Diff;

/// <summary>report.md of a diff: a pure, culture-invariant function of the <see cref="DiffReport"/>.</summary>
public static class DiffMarkdownWriter
{
    /// <summary>The Markdown text.</summary>
    public static string Write(DiffReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var md = new StringBuilder();
        var j = report.Judgement;
        md.Append("# Dual-run diff: ").Append(Verdict(j.Status)).Append("\n\n");
        md.Append(j.Reason).Append(".\n\n");
        md.Append("| | |\n| --- | --- |\n");
        md.Append("| primary | ").Append(report.Targets.Primary.AbsoluteUri).Append(" |\n");
        md.Append("| candidate | ").Append(report.Targets.Candidate.AbsoluteUri).Append(" |\n");
        md.Append("| secondary (noise) | ").Append(report.Targets.Secondary?.AbsoluteUri ?? "none: no noise learned, every difference not ignored or expected counts").Append(" |\n");
        md.Append("| writes | ").Append(Writes(report)).Append(" |\n");
        md.Append("| seed | ").Append(I(report.Seed)).Append(" |\n");
        md.Append("| settings | ").Append(report.PlanSource).Append(" |\n");
        md.Append("| threshold | ").Append(report.Threshold).Append(" of requests with a counted difference (").Append(I(report.Confidence)).Append(" Wilson score interval) |\n");
        md.Append("| expectations | ").Append(report.Expect.Count == 0 ? "none" : string.Join(", ", report.Expect.Select(e => "`" + e + "`"))).Append(" |\n");
        md.Append("| ignored | ").Append(string.Join(", ", report.Ignore.Select(e => "`" + e + "`"))).Append(" |\n");
        var t = report.Traffic;
        md.Append("| traffic | ").Append(I(t.Sent)).Append(" requests to each target: ").Append(I(t.Golden)).Append(" golden, ")
            .Append(I(t.Generated)).Append(" generated, ").Append(I(t.Capture)).Append(" from the capture; ")
            .Append(I(j.Compared)).Append(" compared, ").Append(I(t.PrimaryUnanswered)).Append(" unanswered by the primary |\n\n");
        Section(md, "Differences", report.Of(DiffClass.Counted), "No difference beyond noise and expectations.");
        Section(md, "Expected differences", report.Of(DiffClass.Expected), "None.");
        Section(md, "Noise (primary and secondary differ too)", report.Of(DiffClass.Noise), report.Targets.Secondary is null ? "Not learned: no secondary." : "None.");
        if (report.Problems.Count > 0)
        {
            md.Append("## Problems\n\n");
            foreach (var problem in report.Problems)
            {
                md.Append("- ").Append(problem).Append('\n');
            }

            md.Append('\n');
        }

        md.Append("Started ").Append(report.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture))
            .Append(", finished ").Append(report.FinishedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)).Append(".\n");
        return md.ToString();
    }

    /// <summary>GO, NO-GO or HOLD, as for a phase.</summary>
    public static string Verdict(GateStatus status) => status switch
    {
        GateStatus.Pass => "GO",
        GateStatus.Inconclusive => "HOLD",
        _ => "NO-GO",
    };

    /// <summary>What the report says about writes.</summary>
    public static string Writes(DiffReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Writes == DiffWrites.SeparateStores
            ? "sent: the targets have separate stores (`--writes separate-stores`), each got its own fixtures"
            : $"not sent (reads only; the targets may share a store): {I(report.Traffic.SkippedWrites)} write(s) left out";
    }

    private static void Section(StringBuilder md, string title, IReadOnlyList<DiffGroup> groups, string none)
    {
        md.Append("## ").Append(title).Append("\n\n");
        if (groups.Count == 0)
        {
            md.Append(none).Append("\n\n");
            return;
        }

        md.Append("| endpoint | field | kind | count | requests | examples (primary → candidate) |\n| --- | --- | --- | --- | --- | --- |\n");
        foreach (var g in groups)
        {
            var kind = g.Kind.ToString().ToLowerInvariant() + (g.Expectation is { } e ? " (" + DiffExpectations.Name(e) + ")" : "");
            var examples = string.Join("<br>", g.Examples.Select(x => $"{Cell(x.Request)} `{Cell(x.Field)}`: {Value(x.Primary)} → {Value(x.Candidate)}"));
            md.Append("| ").Append(g.Endpoint).Append(" | `").Append(Cell(g.Field)).Append("` | ").Append(kind).Append(" | ")
                .Append(I(g.Count)).Append(" | ").Append(I(g.Requests)).Append(" | ").Append(examples).Append(" |\n");
        }

        md.Append('\n');
    }

    private static string Value(string? value) => value is null ? "(absent)" : "`" + Cell(value.Length > 80 ? value[..80] + "..." : value) + "`";

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal).Replace("`", "'", StringComparison.Ordinal);

    private static string I(IFormattable value) => value.ToString(null, CultureInfo.InvariantCulture);
}
