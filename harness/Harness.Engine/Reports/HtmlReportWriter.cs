using System.Globalization;
using System.Net;
using System.Text;
using Harness.Engine.Gates;
using Harness.Engine.Verdicts;

namespace Harness.Engine.Reports;

/// <summary>
/// <c>report.html</c>: one self-contained page (inline CSS, charts as embedded PNG data URIs, no
/// scripts, no external requests): verdict banner, run facts, gate table, and per gate its
/// measurement, charts and evidence.
/// </summary>
public static class HtmlReportWriter
{
    private const string Style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:1100px;color:#222;padding:0 1rem}
        .banner{padding:1rem 1.5rem;border-radius:6px;color:#fff;font-size:1.6rem;font-weight:600}
        .go{background:#2e7d32}.no-go{background:#c62828}.hold{background:#f9a825;color:#222}
        .reason{margin:.5rem 0 1.5rem;font-size:1.05rem}
        table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem;font-size:.9rem}
        th,td{border:1px solid #ddd;padding:.35rem .5rem;text-align:left;vertical-align:top}
        th{background:#f5f5f5}
        .Pass{color:#2e7d32;font-weight:600}.Fail{color:#c62828;font-weight:600}
        .Inconclusive{color:#b26a00;font-weight:600}.NotEvaluated{color:#616161;font-weight:600}.NotApplicable{color:#9e9e9e}
        .advisory{color:#757575;font-style:italic}
        code{font-size:.85rem;word-break:break-all}
        dl{display:grid;grid-template-columns:max-content auto;gap:.2rem 1rem}dt{font-weight:600}
        img{max-width:100%;border:1px solid #eee;margin:.5rem 0}
        section{border-top:1px solid #ddd;padding-top:.5rem}
        """;

    /// <summary>The HTML document; charts are rendered with <see cref="ChartRenderer"/>.</summary>
    public static string Write(RehearsalReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder();
        var verdictClass = report.Verdict switch { Verdict.Go => "go", Verdict.Hold => "hold", _ => "no-go" };
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append(CultureInfo.InvariantCulture, $"<title>rehearse {E(report.Phase)}: {report.Verdict.ToDisplay()}</title>\n<style>{Style}</style>\n</head>\n<body>\n");
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"banner {verdictClass}\">{report.Verdict.ToDisplay()} — {E(report.Phase)}</div>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"reason\">{E(report.VerdictReason)}</p>\n<dl>\n");
        Fact("Phase", $"{report.Phase} — {report.PhaseDescription}");
        Fact("Configuration", report.Configuration.Describe());
        Fact("Target", $"{report.Target.Kind} {report.Target.BaseAddress}");
        Fact("Target reports", report.Target.ObservedConfiguration?.Describe() ?? "(not readable)");
        if (report.ContractValues is { } values)
        {
            Fact("Contract values", values.Sunset is null ? values.Source : $"Sunset {values.Sunset}, docs URL {values.DocsUrl} ({values.Source})");
        }

        Fact("Plan", $"{report.Plan.Source} (v{report.Plan.Version}, sha256 {report.Plan.Sha256})");
        Fact("Seed", report.Seed.ToString(CultureInfo.InvariantCulture));
        Fact("Versions", $"harness {report.Versions.Harness}; contract data v{report.Versions.ContractData} (sha256 {report.Versions.ContractDataSha256}); {report.Versions.Runtime}");
        Fact("Ran", $"{report.StartedAt.UtcDateTime.ToString("u", CultureInfo.InvariantCulture)} to {report.FinishedAt.UtcDateTime.ToString("u", CultureInfo.InvariantCulture)}");
        html.Append("</dl>\n");
        Image(ChartRenderer.StatusOverview(report));

        html.Append("<table>\n<tr><th>Gate</th><th>Kind</th><th>Decides</th><th>Status</th><th>Value</th><th>Threshold</th><th>Samples</th><th>Reason</th></tr>\n");
        foreach (var g in report.Gates)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td><a href=\"#gate-{MarkdownReportWriter.Anchor(g.Id)}\"><code>{E(g.Id)}</code></a></td><td>{E(g.Kind)}</td><td{(g.Decides() ? "" : " class=\"advisory\"")}>{(g.Accepted ? "accepted" : g.Blocking ? "blocking" : "advisory")}</td>" +
                $"<td class=\"{g.Status}\">{E(GateStatusText.Label(g))}</td><td>{E(g.ValueText)}</td><td>{E(g.Threshold)}</td><td>{g.SampleSize}</td><td>{E(g.Reason)}</td></tr>\n");
        }

        html.Append("</table>\n");
        if (report.Findings is { } findings)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h2>Known findings ({E(Path.GetFileName(findings.Source))})</h2>\n<p>{findings.New.Count} new · {findings.Accepted.Count} accepted · {findings.Fixed.Count} fixed</p>\n");
            foreach (var (title, list) in new[] { ("New findings (these decide)", findings.New), ("Accepted findings", findings.Accepted), ("Fixed: accepted, no longer seen", findings.Fixed) })
            {
                if (list.Count == 0)
                {
                    continue;
                }

                html.Append(CultureInfo.InvariantCulture, $"<h3>{E(title)}</h3>\n<table>\n<tr><th>Gate</th><th>Fingerprint</th><th>Seen</th><th>Finding</th><th>Accepted because</th></tr>\n");
                foreach (var f in list)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<tr><td><code>{E(f.Gate)}</code></td><td><code>{E(f.Fingerprint)}</code></td><td>{f.Occurrences}</td><td>{E(f.Summary)}</td><td>{E(f.Reason ?? "")}</td></tr>\n");
                }

                html.Append("</table>\n");
            }
        }

        foreach (var g in report.Gates)
        {
            html.Append(CultureInfo.InvariantCulture, $"<section id=\"gate-{MarkdownReportWriter.Anchor(g.Id)}\">\n<h2><code>{E(g.Id)}</code> <span class=\"{g.Status}\">{E(GateStatusText.Label(g))}</span></h2>\n<dl>\n");
            Fact("Kind", g.Kind);
            if (g.Description.Length > 0) Fact("Checks", g.Description);
            Fact("Measured", g.Measured);
            Fact("Value", g.ValueText.Length == 0 ? "(nothing measured)" : g.ValueText);
            Fact("Threshold", g.Threshold.Length == 0 ? "(none)" : g.Threshold);
            Fact("Samples", g.SampleSize.ToString(CultureInfo.InvariantCulture));
            Fact("Reason", g.Reason);
            Fact("Duration", g.DurationSeconds.ToString("0.000 's'", CultureInfo.InvariantCulture));
            if (g.Note is not null) Fact("Note", g.Note);
            if (g.Implicit) Fact("Added", "by the harness: the phase has no configuration gate");
            html.Append("</dl>\n");
            foreach (var chart in g.Charts)
            {
                Image(chart);
            }

            if (g.Evidence.Count > 0)
            {
                html.Append("<table>\n<tr><th>Subject</th><th>Expected</th><th>Actual</th><th>Detail</th></tr>\n");
                foreach (var e in g.Evidence)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<tr><td><code>{E(e.Subject)}</code></td><td><code>{E(e.Expected)}</code></td><td><code>{E(e.Actual)}</code></td><td>{E(e.Detail ?? "")}</td></tr>\n");
                }

                html.Append("</table>\n");
                if (g.EvidenceOmitted > 0)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<p>…and {g.EvidenceOmitted} more (counted, not kept).</p>\n");
                }
            }

            html.Append("</section>\n");
        }

        html.Append("</body>\n</html>\n");
        return html.ToString();

        void Fact(string name, string value) => html.Append(CultureInfo.InvariantCulture, $"<dt>{E(name)}</dt><dd>{E(value)}</dd>\n");

        void Image(Chart chart)
        {
            var png = Convert.ToBase64String(ChartRenderer.RenderPng(chart));
            html.Append(CultureInfo.InvariantCulture, $"<img alt=\"{E(chart.Title)}\" src=\"data:image/png;base64,{png}\">\n");
        }
    }

    private static string E(string text)
    {
        var encoded = WebUtility.HtmlEncode(text);
        var builder = new StringBuilder(encoded.Length);
        foreach (var c in encoded)
        {
            builder.Append(char.IsControl(c) && c is not '\n' ? '\uFFFD' : c);
        }

        return builder.ToString();
    }
}
