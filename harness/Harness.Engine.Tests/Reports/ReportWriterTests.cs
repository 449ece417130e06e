using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Harness.Engine.Gates;
using Harness.Engine.Reports;
using Harness.Engine.Verdicts;

namespace Harness.Engine.Tests.Reports;

public sealed partial class ReportWriterTests
{
    [Fact]
    public void Json_RoundTrip_KeepsEveryField()
    {
        var report = SampleReports.Mixed();
        var json = ReportJson.Write(report);
        var back = ReportJson.Read(json, "report.json");
        Assert.Equal(json, ReportJson.Write(back));
        Assert.Equal(Verdict.NoGo, back.Verdict);
        // JSON cannot carry a lone surrogate: it comes back as U+FFFD, everything else intact.
        Assert.Equal(SampleReports.Hostile.Replace('\uD800', '\uFFFD'), back.Gates[2].Evidence[0].Subject);
    }

    [Fact]
    public void Json_Schema_UsesDocumentedNamesAndValues()
    {
        using var doc = System.Text.Json.JsonDocument.Parse(ReportJson.Write(SampleReports.Mixed()));
        var root = doc.RootElement;
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("NO-GO", root.GetProperty("verdict").GetString());
        Assert.Equal(42, root.GetProperty("seed").GetInt32());
        Assert.Equal("1.2.3", root.GetProperty("versions").GetProperty("harness").GetString());
        Assert.Equal("enforce", root.GetProperty("target").GetProperty("observedConfiguration").GetProperty("mode").GetString());
        var gate = root.GetProperty("gates")[3];
        Assert.Equal("NotEvaluated", gate.GetProperty("status").GetString());
        Assert.False(gate.GetProperty("blocking").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, gate.GetProperty("value").ValueKind);
        Assert.Equal("writes", gate.GetProperty("parameters").GetProperty("select").GetString());
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("not json")]
    [InlineData("""{"schemaVersion": 99}""")]
    public void Json_ReadNotAReport_ThrowsFormatExceptionOneLine(string json)
    {
        var e = Assert.ThrowsAny<FormatException>(() => ReportJson.Read(json, "x.json"));
        Assert.StartsWith("x.json:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void JUnit_IsValidXmlWithOneCasePerGateAndHonestCounts()
    {
        var xml = XDocument.Parse(JUnitReportWriter.Write(SampleReports.Mixed()));
        var suite = xml.Root!.Element("testsuite")!;
        var cases = suite.Elements("testcase").ToList();
        Assert.Equal(4, cases.Count);
        Assert.Equal("2", suite.Attribute("failures")!.Value);
        Assert.Equal("0", suite.Attribute("errors")!.Value);
        Assert.Equal("1", suite.Attribute("skipped")!.Value);
        Assert.NotNull(cases[0].Element("failure"));
        Assert.Null(cases[1].Element("failure"));
        Assert.Equal("Inconclusive", cases[2].Element("failure")!.Attribute("type")!.Value);
        Assert.Contains("Not evaluated (advisory)", cases[3].Element("skipped")!.Attribute("message")!.Value, StringComparison.Ordinal);
        Assert.Equal("validator-p99 (advisory)", cases[3].Attribute("name")!.Value);
        Assert.Equal("NO-GO", suite.Element("properties")!.Elements().Single(p => p.Attribute("name")!.Value == "verdict").Attribute("value")!.Value);
    }

    [Fact]
    public void JUnit_BlockingNotEvaluated_IsAnError()
    {
        var report = SampleReports.Mixed() with { Gates = [SampleReports.Mixed().Gates[3] with { Blocking = true }] };
        var suite = XDocument.Parse(JUnitReportWriter.Write(report)).Root!.Element("testsuite")!;
        Assert.Equal("1", suite.Attribute("errors")!.Value);
        Assert.NotNull(suite.Element("testcase")!.Element("error"));
    }

    [Fact]
    public void Markdown_HasBannerTableAndEvidenceLinks()
    {
        var md = MarkdownReportWriter.Write(SampleReports.Mixed());
        Assert.StartsWith("## ⛔ NO-GO — `staging-warn`", md, StringComparison.Ordinal);
        Assert.Contains("| ❌ | [`configuration`](report.html#gate-configuration) |", md, StringComparison.Ordinal);
        Assert.Contains("Not evaluated (advisory)", md, StringComparison.Ordinal);
        Assert.Contains("advisory until the load-gates issue", md, StringComparison.Ordinal);
        Assert.Contains("| <code>mode</code> | <code>warn</code> | <code>enforce</code> |", md, StringComparison.Ordinal);
        Assert.Contains("[junit.xml](junit.xml)", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_HostileText_CannotBreakTheTable()
    {
        var md = MarkdownReportWriter.Write(SampleReports.Mixed());
        var evidenceRow = md.Split('\n').Single(l => l.Contains("alert(1)", StringComparison.Ordinal));
        Assert.Equal(5, UnescapedPipe().Count(evidenceRow));
        Assert.DoesNotContain("<script>", md, StringComparison.Ordinal);
        Assert.DoesNotContain('\u0001', md);
    }

    [Fact]
    public void Html_IsSelfContainedWithEmbeddedPngCharts()
    {
        var html = HtmlReportWriter.Write(SampleReports.Mixed());
        var images = Regex.Matches(html, "<img alt=\"[^\"]*\" src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\">");
        Assert.Equal(2, images.Count);
        foreach (Match image in images)
        {
            var png = Convert.FromBase64String(image.Groups[1].Value);
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        }

        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http-equiv", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("(src|href)=\"https?:", html);
        Assert.Contains("id=\"gate-validator-p99\"", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Writers_AreCultureInvariant()
    {
        var report = SampleReports.Mixed();
        var invariant = (ReportJson.Write(report), JUnitReportWriter.Write(report), MarkdownReportWriter.Write(report));
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("de-DE");
            Assert.Equal(invariant, (ReportJson.Write(report), JUnitReportWriter.Write(report), MarkdownReportWriter.Write(report)));
            Assert.Contains("time=\"0.250\"", invariant.Item2, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = saved;
        }
    }

    [Fact]
    public void Writers_ArePureFunctionsOfTheModel()
    {
        var report = SampleReports.Mixed();
        Assert.Equal(MarkdownReportWriter.Write(report), MarkdownReportWriter.Write(report));
        Assert.Equal(HtmlReportWriter.Write(report), HtmlReportWriter.Write(report));
    }

    [Fact]
    public async Task ReportFiles_WriteAll_WritesTheReportAndTheKitUnderTheTimestampedDirectory()
    {
        var root = Directory.CreateTempSubdirectory("reports-test-");
        try
        {
            var report = SampleReports.Mixed();
            var directory = ReportFiles.DefaultDirectory(root.FullName, report.StartedAt, report.Phase);
            Assert.EndsWith(Path.Combine("reports", "20261124T120000Z-staging-warn"), directory, StringComparison.Ordinal);
            var paths = await ReportFiles.WriteAllAsync(report, directory, CancellationToken.None);
            Assert.Equal(["report.json", "junit.xml", "report.md", "report.html", "runbook.md", "changelog.md", "stage-validation.rules.yml", "stage-validation.dashboard.json"], paths.Select(Path.GetFileName));
            Assert.All(paths, p => Assert.True(new FileInfo(p).Length > 0));
            Assert.Equal(Path.Combine(directory, "observability"), Path.GetDirectoryName(paths[^1]));
            Assert.Contains("alert: StageValidationHighErrorRatio", await File.ReadAllTextAsync(paths[^2]), StringComparison.Ordinal);
            using var dashboard = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(paths[^1]));
            Assert.True(dashboard.RootElement.GetProperty("panels").GetArrayLength() > 5);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    [Fact]
    public void StatusOverview_CountsBlockingAndAdvisorySeparately()
    {
        var chart = ChartRenderer.StatusOverview(SampleReports.Mixed());
        Assert.Equal(["Pass", "Fail", "Inconclusive", "NotEvaluated", "NotApplicable"], chart.Categories);
        Assert.Equal([1.0, 1, 1, 0, 0], chart.Series[0].Values);
        Assert.Equal([0.0, 0, 0, 1, 0], chart.Series[1].Values);
    }

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex UnescapedPipe();

    [Fact]
    public void HumanReports_SayWhichContractValuesTheTargetWasHeldTo()
    {
        var report = SampleReports.Mixed();
        Assert.Contains("- Contract values held to: Sunset `Thu, 01 Jul 2027 00:00:00 GMT`, docs `https://docs.team.example/stages` (declared in the plan's contract block)",
            MarkdownReportWriter.Write(report), StringComparison.Ordinal);
        Assert.Contains("Sunset Thu, 01 Jul 2027 00:00:00 GMT, docs URL https://docs.team.example/stages", HtmlReportWriter.Write(report), StringComparison.Ordinal);
    }
}
