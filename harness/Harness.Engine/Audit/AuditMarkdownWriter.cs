using System.Globalization;
using System.Text;

namespace Harness.Engine.Audit;

/// <summary><c>audit.md</c>: a pure, culture-invariant function of the <see cref="AuditReport"/>. Logged text is escaped for Markdown.</summary>
public static class AuditMarkdownWriter
{
    /// <summary>The report as Markdown; <paramref name="chartFile"/> is linked when given.</summary>
    public static string Write(AuditReport report, string? chartFile = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var md = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        md.Append(c, $"# Consumer audit: {Cell(report.Source)}\n\n");
        md.Append(c, $"**{report.Status.ToString().ToUpperInvariant()}**: {Cell(report.Reason)}\n\n");
        md.Append("| fact | value |\n| --- | --- |\n");
        md.Append(c, $"| format / client key | {report.Format} / `{Cell(report.ClientKey)}` |\n");
        md.Append(c, $"| phase (decides would-reject) | {Cell(report.Phase)}: {Cell(report.Configuration)} |\n");
        md.Append(c, $"| lines / malformed | {report.Lines} / {report.Malformed} |\n");
        md.Append(c, $"| requests / stage-bearing / unclassified / validated | {report.Overall.Requests} / {report.Overall.StageBearing} / {report.Overall.Unclassified} / {report.Overall.Validated} |\n");
        md.Append(c, $"| unknown share | {Share(report.Overall.Unknown)} |\n");
        md.Append(c, $"| would-reject share | {Share(report.Overall.WouldReject)} |\n");
        md.Append(c, $"| limits ({report.Measure}) | overall {(report.MaxShare is { } m ? AuditJudge.Percent(m) : "none")}, per client {(report.MaxClientShare is { } mc ? AuditJudge.Percent(mc) : "none")} (clients with at least {report.MinClientSamples} validated) |\n");
        md.Append(c, $"| clients | {report.TrackedClients} tracked (cap {report.MaxClients}){(report.OtherClients is { } o ? $", {o.Requests} requests of later clients in one bucket" : "")}; {report.ClientsAbove} above, {report.ClientsPossiblyAbove} possibly above |\n");
        md.Append(c, $"| confidence / seed | {report.Confidence} (Wilson) / {report.Seed} |\n\n");
        if (chartFile is not null)
        {
            md.Append(c, $"![worst clients]({chartFile})\n\n");
        }

        md.Append(c, $"## Worst clients ({report.Clients.Count} of {report.TrackedClients})\n\n");
        md.Append("| client | requests | stage-bearing | unclassified | validated | unknown | would-reject | judged | top unknown values | endpoints |\n");
        md.Append("| --- | ---: | ---: | ---: | ---: | --- | --- | --- | --- | --- |\n");
        foreach (var row in report.Clients.Append(report.OtherClients).OfType<ClientAudit>())
        {
            md.Append(c, $"| {Cell(row.Client)} | {row.Requests} | {row.StageBearing} | {row.Unclassified} | {row.Validated} | {Share(row.Unknown)} | {Share(row.WouldReject)} | {row.Verdict} | ");
            md.Append(string.Join(", ", row.TopValues.Select(v => $"`{Cell(v.Value)}` x{Count(v)}")));
            md.Append(" | ");
            md.Append(string.Join(", ", row.Endpoints.Select(e => string.Create(c, $"{Cell(e.Value)} x{e.Count}"))));
            md.Append(" |\n");
        }

        md.Append("\n## Not classified\n\n");
        if (report.UnclassifiedReasons.Count == 0)
        {
            md.Append("Every stage-bearing request could be classified.\n");
        }
        else
        {
            md.Append("Stage-bearing requests the log does not hold enough of to classify; they are left out of every share, never guessed:\n\n");
            foreach (var reason in report.UnclassifiedReasons)
            {
                md.Append(c, $"- {reason.Count}: {Cell(reason.Value)}\n");
            }
        }

        md.Append("\n## Malformed lines\n\n");
        if (report.Malformed == 0)
        {
            md.Append("None.\n");
        }
        else
        {
            foreach (var reason in report.MalformedReasons)
            {
                md.Append(c, $"- {reason.Count}: {Cell(reason.Value)}\n");
            }

            md.Append("\nFirst ones:\n\n");
            foreach (var sample in report.MalformedSamples)
            {
                md.Append(c, $"- {Cell(sample)}\n");
            }
        }

        return md.ToString();
    }

    private static string Count(ValueCount v) => v.Error == 0
        ? v.Count.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"<={v.Count}");

    private static string Share(ShareEstimate s) =>
        string.Create(CultureInfo.InvariantCulture, $"{AuditJudge.Percent(s.Share)} ({s.Events}) [{AuditJudge.Percent(s.Low)}..{AuditJudge.Percent(s.High)}]");

    private static string Cell(string text)
    {
        var b = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            if (ch is '|' or '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#')
            {
                b.Append('\\');
            }

            b.Append(ch is '\n' or '\r' ? ' ' : ch);
        }

        return b.ToString();
    }
}
