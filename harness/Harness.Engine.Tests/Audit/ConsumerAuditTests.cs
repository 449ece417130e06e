using Harness.Engine.Audit;
using Harness.Engine.Gates;
using Harness.Engine.Gates.Readiness;
using Harness.Engine.Plans;
using Harness.Engine.Targets;
using StageContract;

namespace Harness.Engine.Tests.Audit;

/// <summary>The consumer audit over generated logs of mixed clients: it names the offender with its share, bounded state, the gate kind.</summary>
public sealed class ConsumerAuditTests : IDisposable
{
    private static readonly Phase Shadow = new() { Name = "shadow", Configuration = new PhaseConfiguration { Mode = "warn", DryRun = true }, Gates = [] };
    private readonly string _directory = Directory.CreateTempSubdirectory("audit-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData(AccessLogFormat.Combined)]
    [InlineData(AccessLogFormat.Json)]
    public async Task Audit_GeneratedMixedLog_NamesTheOffenderWithItsShareInsideTheInterval(AccessLogFormat format)
    {
        var options = new GeneratedLogOptions { Lines = 20_000, Seed = 14, Format = format, MalformedEvery = 1000 };
        var (path, truth) = Generate(options);

        var report = await AuditAsync(path, format, new AuditOptions { MaxClientShare = 0.01 });

        var worst = report.Clients[0];
        Assert.Equal(options.Offender, worst.Client);
        Assert.Equal((truth.OffenderUnknown, truth.OffenderStageRequests), (worst.Unknown.Events, worst.Unknown.Trials));
        // The generator's own share among the offender's validated requests: its GETs carry the unknown stages;
        // in JSON lines its POSTs (15 % of lines against 70 % GETs) are validated too, with known stages.
        var expected = options.OffenderUnknownShare * (format == AccessLogFormat.Json ? 0.70 / 0.85 : 1);
        Assert.InRange(expected, worst.Unknown.Low, worst.Unknown.High);
        Assert.Equal(worst.Unknown.Events, worst.WouldReject.Events); // shadow: every unknown would be rejected
        Assert.Equal(AuditJudge.Above, worst.Verdict);
        Assert.Equal((GateStatus.Fail, 1), (report.Status, report.ClientsAbove));
        Assert.All(report.Clients.Skip(1), c => Assert.Equal((0L, AuditJudge.Within), (c.Unknown.Events, c.Verdict)));
        Assert.Equal(truth.Malformed, report.Malformed);
        Assert.Equal(truth.Unclassified, report.Overall.Unclassified);
        string[] shown = ["growth", "series-d", "seriesc", "late%20stage", "angel", "%E2%80%8Bseed%E2%80%8Bx", "round%20a"];
        Assert.Equal(5, worst.TopValues.Count);
        Assert.All(worst.TopValues, v => Assert.Contains(v.Value, shown));
    }

    [Fact]
    public async Task Audit_CombinedLog_ReportsWritesWithoutBodyAsNotClassified()
    {
        var (path, truth) = Generate(new GeneratedLogOptions { Lines = 2_000, Seed = 3 });
        var report = await AuditAsync(path, AccessLogFormat.Combined, new AuditOptions());

        Assert.True(truth.Unclassified > 0);
        var reason = Assert.Single(report.UnclassifiedReasons);
        Assert.Equal(truth.Unclassified, reason.Count);
        Assert.StartsWith("POST /api/allocations: the log has no body", reason.Value, StringComparison.Ordinal);
        Assert.Equal(report.Overall.StageBearing - truth.Unclassified, report.Overall.Validated);
        Assert.Equal(GateStatus.Pass, report.Status); // no limit given
    }

    [Fact]
    public async Task Audit_MoreClientsThanTheCap_CountsTheRestInOneBucket()
    {
        var (path, _) = Generate(new GeneratedLogOptions { Lines = 5_000, Seed = 2, Clients = 500 });
        var report = await AuditAsync(path, AccessLogFormat.Combined, new AuditOptions { MaxClients = 50, ReportClients = 10 });

        Assert.Equal(50, report.TrackedClients);
        Assert.Equal(10, report.Clients.Count);
        Assert.NotNull(report.OtherClients);
        Assert.True(report.OtherClients.Requests > 0);
        Assert.True(report.Overall.Requests > report.OtherClients.Requests);
    }

    [Fact]
    public async Task Audit_JsonLogByApiKey_GroupsByTheHeader()
    {
        var options = new GeneratedLogOptions { Lines = 3_000, Seed = 9, Format = AccessLogFormat.Json };
        var (path, _) = Generate(options);
        var report = await AuditAsync(path, AccessLogFormat.Json, new AuditOptions { Client = ClientKey.Parse("header:X-Api-Key")! });

        Assert.Equal("key-" + options.Offender, report.Clients[0].Client);
    }

    [Fact]
    public void TopValues_AValueAboveOneInCapacity_IsAlwaysHeldAndNeverUndercounted()
    {
        var top = new TopValues(4);
        for (var i = 0; i < 1000; i++)
        {
            top.Add(i % 3 == 0 ? "frequent" : "rare-" + i);
        }

        var first = top.Top(1)[0];
        Assert.Equal("frequent", first.Value);
        Assert.True(first.Count >= 334);
    }

    [Theory]
    [InlineData("growth", 64, "growth")]
    [InlineData("late stage", 64, "late%20stage")]
    [InlineData("a,b%", 64, "a%2Cb%25")]
    [InlineData("série", 64, "s%C3%A9rie")]
    [InlineData("abcdefgh", 4, "abcd...")]
    public void RawValueText_PercentEncodesAndCuts(string raw, int max, string shown) =>
        Assert.Equal(shown, RawValueText.Of(raw, max));

    [Fact]
    public async Task Gate_OffenderAboveTheClientLimit_FailsWithTheClientAsEvidence()
    {
        var (path, _) = Generate(new GeneratedLogOptions { Lines = 5_000, Seed = 4 });
        var spec = PlanLoader.Parse("""
            version: 1
            phases:
              - name: p
                configuration: { mode: warn, dryRun: true }
                gates:
                  - id: consumers
                    kind: consumer-audit
                    parameters: { format: combined, maxClientShare: 0.02 }
                    threshold: "< 50%"
            """, "p.yaml", _directory).Phases[0].Gates[0];
        var context = new GateContext
        {
            Http = new HttpClient(),
            Phase = Shadow,
            Spec = spec,
            Seed = 5,
            CapturePath = path,
            DeprecationValues = DeprecationValues.ToLearn(ContractRules.Default.Data.Headers),
        };
        var result = await ConsumerAuditGate.Kind.Create(spec).Gate!.EvaluateAsync(context, CancellationToken.None);

        Assert.Equal(GateStatus.Fail, result.Status);
        Assert.Equal("client 203.0.113.66", result.Evidence[0].Subject);
        Assert.Single(result.Charts);
    }

    private (string Path, GeneratedLog Truth) Generate(GeneratedLogOptions options)
    {
        var path = Path.Combine(_directory, "access.log");
        using var writer = new StreamWriter(path);
        var truth = AccessLogGenerator.Write(writer, options);
        return (path, truth);
    }

    private static Task<AuditReport> AuditAsync(string path, AccessLogFormat format, AuditOptions options) =>
        AccessLogAudit.RunAsync(path, "access.log", AccessLogAudit.ParserFor(format, new JsonFieldNames(), options.Client), format,
            ContractRules.Default, Shadow, options, null, CancellationToken.None);
}
