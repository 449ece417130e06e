using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Harness.Engine.Gates;
using Harness.Engine.Verdicts;

namespace Harness.Engine.Reports;

/// <summary>
/// <c>junit.xml</c>: one test suite per rehearsal, one test case per gate. A blocking gate that
/// fails or is inconclusive is a <c>failure</c>, one that was not evaluated an <c>error</c>; an
/// advisory gate that does not pass is <c>skipped</c> with its status and reason in the message,
/// so CI test views match the verdict while still showing every gate.
/// </summary>
public static class JUnitReportWriter
{
    /// <summary>The JUnit XML document, UTF-8 without BOM.</summary>
    public static string Write(RehearsalReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var cases = report.Gates.Select(Case).ToList();
        var failures = report.Gates.Count(g => g.Decides() && g.Status is GateStatus.Fail or GateStatus.Inconclusive);
        var errors = report.Gates.Count(g => g.Blocking && g.Status == GateStatus.NotEvaluated);
        var skipped = report.Gates.Count(g => (!g.Decides() && g.Status != GateStatus.Pass) || g.Status == GateStatus.NotApplicable);
        var time = Seconds(report.Gates.Sum(g => g.DurationSeconds));
        var suite = new XElement("testsuite",
            new XAttribute("name", $"rehearse {report.Phase}"),
            new XAttribute("tests", report.Gates.Count),
            new XAttribute("failures", failures),
            new XAttribute("errors", errors),
            new XAttribute("skipped", skipped),
            new XAttribute("time", time),
            new XAttribute("timestamp", report.StartedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)),
            new XElement("properties",
                Property("verdict", report.Verdict.ToDisplay()),
                Property("verdictReason", report.VerdictReason),
                Property("seed", report.Seed.ToString(CultureInfo.InvariantCulture)),
                Property("target", $"{report.Target.Kind} {report.Target.BaseAddress}"),
                Property("configuration", report.Configuration.Describe()),
                Property("plan", $"{report.Plan.Source} sha256:{report.Plan.Sha256}"),
                Property("harnessVersion", report.Versions.Harness),
                Property("contractDataVersion", report.Versions.ContractData.ToString(CultureInfo.InvariantCulture))),
            cases);
        var doc = new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement("testsuites",
                new XAttribute("name", "rehearse"),
                new XAttribute("tests", report.Gates.Count),
                new XAttribute("failures", failures),
                new XAttribute("errors", errors),
                new XAttribute("skipped", skipped),
                new XAttribute("time", time),
                suite));
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, NewLineChars = "\n" };
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, settings))
        {
            doc.Save(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";

        XElement Case(GateReport gate)
        {
            var element = new XElement("testcase",
                new XAttribute("classname", $"rehearse.{report.Phase}"),
                new XAttribute("name", gate.Blocking ? gate.Id : $"{gate.Id} (advisory)"),
                new XAttribute("time", Seconds(gate.DurationSeconds)));
            var message = $"{GateStatusText.Label(gate)}: {gate.Reason}";
            var body = Details(gate);
            if ((!gate.Decides() && gate.Status != GateStatus.Pass) || gate.Status == GateStatus.NotApplicable)
            {
                element.Add(new XElement("skipped", new XAttribute("message", Clean(message))));
            }
            else if (gate.Status is GateStatus.Fail or GateStatus.Inconclusive)
            {
                element.Add(new XElement("failure", new XAttribute("message", Clean(message)), new XAttribute("type", gate.Status.ToString()), Clean(body)));
            }
            else if (gate.Status == GateStatus.NotEvaluated)
            {
                element.Add(new XElement("error", new XAttribute("message", Clean(message)), new XAttribute("type", "NotEvaluated"), Clean(body)));
            }

            element.Add(new XElement("system-out", Clean(body)));
            return element;
        }
    }

    private static XElement Property(string name, string value) =>
        new("property", new XAttribute("name", name), new XAttribute("value", Clean(value)));

    private static string Details(GateReport gate)
    {
        var builder = new StringBuilder();
        builder.Append(CultureInfo.InvariantCulture, $"kind: {gate.Kind}\nblocking: {(gate.Blocking ? "yes" : "no (advisory)")}\n");
        builder.Append(CultureInfo.InvariantCulture, $"measured: {gate.Measured}\nvalue: {gate.ValueText}\nthreshold: {gate.Threshold}\nsamples: {gate.SampleSize}\nreason: {gate.Reason}\n");
        if (gate.Note is not null)
        {
            builder.Append(CultureInfo.InvariantCulture, $"note: {gate.Note}\n");
        }

        foreach (var e in gate.Evidence)
        {
            builder.Append(CultureInfo.InvariantCulture, $"- {e.Subject}\n  expected: {e.Expected}\n  actual:   {e.Actual}\n");
            if (e.Detail is not null)
            {
                builder.Append(CultureInfo.InvariantCulture, $"  detail:   {e.Detail}\n");
            }
        }

        if (gate.EvidenceOmitted > 0)
        {
            builder.Append(CultureInfo.InvariantCulture, $"(+{gate.EvidenceOmitted} more in report.json)\n");
        }

        return builder.ToString();
    }

    private static string Seconds(double seconds) => seconds.ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>XML 1.0 cannot hold most control characters or lone surrogates, even escaped; raw stage values can contain them.</summary>
    private static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else
            {
                builder.Append(XmlConvert.IsXmlChar(c) ? c : '\uFFFD');
            }
        }

        return builder.ToString();
    }
}
