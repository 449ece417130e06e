using System.Globalization;
using System.Text;
using Harness.Engine.Gates;
using Harness.Engine.Verdicts;

namespace Harness.Engine.Reports;

/// <summary>
/// <c>report.md</c>: ready to paste as a CI job summary. A verdict banner, the run's facts, a gate
/// table, the evidence of every gate that did not pass, and links to the other report files.
/// </summary>
public static class MarkdownReportWriter
{
    private const int MaxEvidenceRows = 20;

    /// <summary>The Markdown document.</summary>
    public static string Write(RehearsalReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"## {GateStatusText.Icon(report.Verdict)} {report.Verdict.ToDisplay()} — `{report.Phase}`\n\n");
        md.Append(CultureInfo.InvariantCulture, $"**{report.Verdict.ToDisplay()}**: {Cell(report.VerdictReason)}\n\n");
        md.Append(CultureInfo.InvariantCulture, $"- Target: {report.Target.Kind} `{report.Target.BaseAddress}`");
        md.Append(report.Target.ObservedConfiguration is { } observed ? $" (reports `{observed.Describe()}`)\n" : " (configuration not readable)\n");
        md.Append(CultureInfo.InvariantCulture, $"- Phase configuration: `{report.Configuration.Describe()}`\n");
        if (report.ContractValues is { } values)
        {
            md.Append(CultureInfo.InvariantCulture, $"- Contract values held to: {Cell(values.Sunset is null ? values.Source : $"Sunset `{values.Sunset}`, docs `{values.DocsUrl}` ({values.Source})")}\n");
        }

        md.Append(CultureInfo.InvariantCulture, $"- Plan: {report.Plan.Source} (sha256 `{report.Plan.Sha256[..Math.Min(12, report.Plan.Sha256.Length)]}`)\n");
        md.Append(CultureInfo.InvariantCulture, $"- Seed: `{report.Seed}` · harness {report.Versions.Harness} · contract data v{report.Versions.ContractData} · {report.Versions.Runtime}\n");
        md.Append(CultureInfo.InvariantCulture, $"- Ran: {Time(report.StartedAt)} → {Time(report.FinishedAt)}\n\n");

        md.Append("| | Gate | Kind | Decides | Status | Value | Threshold | Samples | Reason |\n");
        md.Append("|---|---|---|---|---|---|---|---|---|\n");
        foreach (var g in report.Gates)
        {
            md.Append(CultureInfo.InvariantCulture,
                $"| {GateStatusText.Icon(g.Status)} | [`{Cell(g.Id)}`](report.html#gate-{Anchor(g.Id)}) | {Cell(g.Kind)} | {(g.Accepted ? "accepted" : g.Blocking ? "blocking" : "advisory")} | {GateStatusText.Label(g)} | {Cell(g.ValueText)} | {Cell(g.Threshold)} | {g.SampleSize} | {Cell(g.Reason)} |\n");
        }

        var notes = report.Gates.Where(g => g.Note is not null || g.Implicit).ToList();
        if (notes.Count > 0)
        {
            md.Append('\n');
            foreach (var g in notes)
            {
                md.Append(CultureInfo.InvariantCulture, $"- `{Cell(g.Id)}`: {Cell(g.Implicit ? "added by the harness: the phase has no configuration gate" : g.Note!)}\n");
            }
        }

        if (report.Findings is { } findings)
        {
            Findings(md, findings);
        }

        // A baseline comparison is shown whatever its outcome: baseline and current side by side are the point of it.
        // So is a dual run's: on a pass its evidence is what was set apart as expected or noise, which a reviewer should see.
        foreach (var g in report.Gates.Where(g => (g.Status != GateStatus.Pass || g.Kind is GateKinds.BaselineLoad or GateKinds.DualRun) && g.Evidence.Count > 0))
        {
            md.Append(CultureInfo.InvariantCulture, $"\n### {GateStatusText.Icon(g.Status)} `{Cell(g.Id)}`: expected vs actual\n\n");
            md.Append("| Subject | Expected | Actual | Detail |\n|---|---|---|---|\n");
            foreach (var e in g.Evidence.Take(MaxEvidenceRows))
            {
                md.Append(CultureInfo.InvariantCulture, $"| {Code(e.Subject)} | {Code(e.Expected)} | {Code(e.Actual)} | {Cell(e.Detail ?? "")} |\n");
            }

            var more = g.Evidence.Count - Math.Min(MaxEvidenceRows, g.Evidence.Count) + g.EvidenceOmitted;
            if (more > 0)
            {
                md.Append(CultureInfo.InvariantCulture, $"\n…and {more} more in [report.json](report.json).\n");
            }
        }

        md.Append("\nEvidence: [report.html](report.html) · [report.json](report.json) · [junit.xml](junit.xml)\n");
        md.Append("\nTo watch in production: the alert and recording rules and a Grafana dashboard generated from them, in [observability/](observability/).\n");
        return md.ToString();
    }

    /// <summary>The id as an HTML anchor: letters, digits and '-'.</summary>
    public static string Anchor(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return new string([.. id.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-')]);
    }

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Makes text safe inside a table cell: no pipes, no line breaks, no control characters, no HTML.</summary>
    internal static string Cell(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '|' => "\\|",
                '<' => "&lt;",
                '>' => "&gt;",
                '&' => "&amp;",
                '\r' or '\n' or '\t' => " ",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    private static string Code(string text) => text.Length == 0 ? "" : "<code>" + Cell(text) + "</code>";

    /// <summary>The run's findings against the known-findings file: new ones first (they decide), then accepted, then fixed.</summary>
    private static void Findings(StringBuilder md, ReportFindings findings)
    {
        md.Append(CultureInfo.InvariantCulture, $"\n## Known findings ({Cell(Path.GetFileName(findings.Source))})\n\n");
        md.Append(CultureInfo.InvariantCulture, $"{findings.New.Count} new · {findings.Accepted.Count} accepted · {findings.Fixed.Count} fixed (accepted before, not seen in this run)\n");
        foreach (var (title, list) in new[] { ("New findings (these decide)", findings.New), ("Accepted findings", findings.Accepted), ("Fixed: accepted, no longer seen", findings.Fixed) })
        {
            if (list.Count == 0)
            {
                continue;
            }

            md.Append(CultureInfo.InvariantCulture, $"\n### {title}\n\n| Gate | Fingerprint | Seen | Finding | Accepted because |\n|---|---|---|---|---|\n");
            foreach (var f in list.Take(MaxEvidenceRows))
            {
                md.Append(CultureInfo.InvariantCulture, $"| `{Cell(f.Gate)}` | `{f.Fingerprint}` | {f.Occurrences} | {Cell(f.Summary)} | {Cell(f.Reason ?? "")} |\n");
            }

            if (list.Count > MaxEvidenceRows)
            {
                md.Append(CultureInfo.InvariantCulture, $"\n{list.Count - MaxEvidenceRows} more in report.json.\n");
            }
        }
    }
}
