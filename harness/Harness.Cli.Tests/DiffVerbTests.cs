using System.Text.Json;
using ReferenceImpl.Api.Hosting;
using StageContract.Modes;

namespace Harness.Cli.Tests;

/// <summary>
/// <c>rehearse diff</c> end to end against real reference instances on loopback (in-process, in-memory
/// stores): two instances in the same configuration do not differ beyond noise; warn against enforce
/// differs exactly in the declared class (unknown-stage requests, and the mode header); a candidate that
/// changes one body field of one endpoint is caught on that field.
/// </summary>
public sealed class DiffVerbTests
{
    private static readonly ModeSettings Warn = new() { GlobalMode = ValidationMode.Warn };
    private static readonly ModeSettings Enforce = new() { GlobalMode = ValidationMode.Enforce };

    [Fact]
    public async Task Diff_TwoInstancesSameConfiguration_NoDifferenceBeyondNoise()
    {
        await using var primary = await StartAsync(Warn);
        await using var secondary = await StartAsync(Warn);
        await using var candidate = await StartAsync(Warn);
        using var run = new CliRun();
        var code = await run.RunAsync(Args(primary.BaseAddress, candidate.BaseAddress, secondary.BaseAddress));
        Assert.True(code == ExitCodes.Go, run.Out + run.Error);
        var diff = Diff(run);
        Assert.Equal("GO", diff.GetProperty("verdict").GetString());
        Assert.Equal(0, diff.GetProperty("judgement").GetProperty("differing").GetInt32());
        Assert.Empty(diff.GetProperty("differences").EnumerateArray());
        Assert.True(diff.GetProperty("traffic").GetProperty("golden").GetInt32() > 0);
        Assert.Equal(60, diff.GetProperty("traffic").GetProperty("generated").GetInt32());
        Assert.True(diff.GetProperty("traffic").GetProperty("skippedWrites").GetInt32() > 0, "reads only by default: the allocation payloads are left out");
        Assert.Contains("writes not sent", run.Out, StringComparison.Ordinal);
        Assert.Contains("not sent (reads only", File.ReadAllText(Path.Combine(run.WorkingDirectory, "out", "report.md")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diff_WarnAgainstEnforce_DiffersOnlyOnUnknownStageRequestsAndTheModeHeader()
    {
        await using var primary = await StartAsync(Warn);
        await using var secondary = await StartAsync(Warn);
        await using var candidate = await StartAsync(Enforce);

        using var modeOnly = new CliRun();
        var code = await modeOnly.RunAsync([.. Args(primary.BaseAddress, candidate.BaseAddress, secondary.BaseAddress), "--expect", "mode-header"]);
        Assert.True(code == ExitCodes.NoGo, modeOnly.Out + modeOnly.Error);
        var counted = Diff(modeOnly).GetProperty("differences").EnumerateArray().ToList();
        Assert.Contains(counted, g => g.GetProperty("field").GetString() == "status");
        Assert.DoesNotContain(counted, g => g.GetProperty("field").GetString() == "header:X-Stage-Mode");

        using var declared = new CliRun();
        code = await declared.RunAsync([.. Args(primary.BaseAddress, candidate.BaseAddress, secondary.BaseAddress), "--expect", "mode-header", "--expect", "unknown-stage"]);
        Assert.True(code == ExitCodes.Go, declared.Out + declared.Error);
        var diff = Diff(declared);
        Assert.Empty(diff.GetProperty("differences").EnumerateArray());
        var expected = diff.GetProperty("expected").EnumerateArray().ToList();
        Assert.Contains(expected, g => g.GetProperty("expectation").GetString() == "unknown-stage" && g.GetProperty("field").GetString() == "status");
        Assert.Contains(expected, g => g.GetProperty("expectation").GetString() == "mode-header");
    }

    [Fact]
    public async Task Diff_CandidateChangingOneBodyField_ReportsThatField()
    {
        await using var primary = await StartAsync(Warn);
        await using var secondary = await StartAsync(Warn);
        await using var clean = await StartAsync(Warn);
        await using var mutant = await FieldMutantProxy.StartAsync(clean.BaseAddress);
        using var run = new CliRun();
        var code = await run.RunAsync(Args(primary.BaseAddress, mutant.BaseAddress, secondary.BaseAddress));
        Assert.True(code == ExitCodes.NoGo, run.Out + run.Error);
        var group = Assert.Single(Diff(run).GetProperty("differences").EnumerateArray());
        Assert.Equal("POST " + FieldMutantProxy.MutatedRoute, group.GetProperty("endpoint").GetString());
        Assert.Equal(FieldMutantProxy.MutatedField, group.GetProperty("field").GetString());
        Assert.Equal("changed", group.GetProperty("kind").GetString());
        Assert.InRange(group.GetProperty("examples").GetArrayLength(), 1, 3);
        Assert.Contains(FieldMutantProxy.MutatedField, run.Out, StringComparison.Ordinal);
        Assert.Contains("NO-GO", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diff_PlanDiffSectionDeclaresTheExpectations_IsGo()
    {
        await using var primary = await StartAsync(Warn);
        await using var candidate = await StartAsync(Enforce);
        using var run = new CliRun();
        var plan = run.Write("plan.yaml", """
            version: 1
            diff:
              expect: [unknown-stage, mode-header]
              ignore: ["$.results"]
              requests: 40
            phases:
              - name: p
                configuration: { mode: warn }
                gates:
                  - { id: g, kind: golden-conformance }
            """);
        var code = await run.RunAsync("diff", "--primary", primary.BaseAddress.ToString(), "--candidate", candidate.BaseAddress.ToString(), "--plan", plan, "--out", "out");
        Assert.True(code == ExitCodes.Go, run.Out + run.Error);
        Assert.Equal(40, Diff(run).GetProperty("traffic").GetProperty("generated").GetInt32());
    }

    [Fact]
    public async Task Diff_ACaptureWithWrites_IsReplayed_AndItsWritesSentOnlyWhenEveryTargetHasItsOwnStore()
    {
        await using var primary = await StartAsync(Warn);
        await using var secondary = await StartAsync(Warn);
        await using var candidate = await StartAsync(Warn);
        string[] capture =
        [
            """{"method":"GET","path":"/api/funds/1/companies?stage=seed","requestId":"cap-1"}""",
            """{"method":"GET","path":"/api/funds/1/companies?stage=growth","requestId":"cap-2"}""",
            """{"method":"POST","path":"/api/monte-carlo/simulate","body":{"fundId":1,"runs":10,"seed":3,"stageDistribution":[{"stage":"Series A","weight":1.0}]}}""",
            """{"method":"POST","path":"/api/allocations","body":{"fundId":1,"items":[{"companyId":102,"stage":"seed","amount":10000}]},"requestId":"cap-4"}""",
            """{"method":"POST","path":"/api/allocations","body":{"fundId":1,"items":[{"companyId":104,"stage":"round a","amount":15000}]},"requestId":"cap-5"}""",
        ];

        using var readsOnly = new CliRun();
        var file = readsOnly.Write("capture.jsonl", string.Join('\n', capture) + "\n");
        var code = await readsOnly.RunAsync([.. Args(primary.BaseAddress, candidate.BaseAddress, secondary.BaseAddress), "--capture", file]);
        Assert.True(code == ExitCodes.Go, readsOnly.Out + readsOnly.Error);
        var traffic = Diff(readsOnly).GetProperty("traffic");
        Assert.Equal(3, traffic.GetProperty("capture").GetInt32());
        Assert.True(traffic.GetProperty("skippedWrites").GetInt32() >= 2, "the two captured allocation writes are not sent to shared stores");
        Assert.Equal("reads-only", Diff(readsOnly).GetProperty("writes").GetString());

        using var separate = new CliRun();
        file = separate.Write("capture.jsonl", string.Join('\n', capture) + "\n");
        code = await separate.RunAsync([.. Args(primary.BaseAddress, candidate.BaseAddress, secondary.BaseAddress), "--capture", file, "--writes", "separate-stores"]);
        Assert.True(code == ExitCodes.Go, separate.Out + separate.Error);
        var diff = Diff(separate);
        Assert.Equal(5, diff.GetProperty("traffic").GetProperty("capture").GetInt32());
        Assert.Equal(0, diff.GetProperty("traffic").GetProperty("skippedWrites").GetInt32());
        Assert.Equal("separate-stores", diff.GetProperty("writes").GetString());
        Assert.Empty(diff.GetProperty("differences").EnumerateArray());
    }

    [Theory]
    [InlineData("--primary", "not-a-url", "--primary must be an absolute http(s) URL")]
    [InlineData("--expect", "everything", "--expect 'everything' is not one of")]
    [InlineData("--ignore", "items.id", "--ignore 'items.id' is not a rule")]
    public async Task Diff_BadValue_ExitsThreeWithOneLine(string option, string value, string message)
    {
        using var run = new CliRun();
        string[] args = ["diff", "--primary", "http://127.0.0.1:9/", "--candidate", "http://127.0.0.1:9/"];
        var code = await run.RunAsync(option == "--primary" ? ["diff", "--primary", value, "--candidate", "http://127.0.0.1:9/"] : [.. args, option, value]);
        Assert.Equal(ExitCodes.HarnessOrUsageError, code);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Diff_UnreachableCandidate_ExitsThree()
    {
        await using var primary = await StartAsync(Warn);
        using var run = new CliRun();
        var code = await run.RunAsync("diff", "--primary", primary.BaseAddress.ToString(), "--candidate", "http://127.0.0.1:9/", "--requests", "5");
        Assert.Equal(ExitCodes.HarnessOrUsageError, code);
        Assert.StartsWith("rehearse: candidate http://127.0.0.1:9/ unreachable", run.Error, StringComparison.Ordinal);
    }

    private static Task<RunningReferenceService> StartAsync(ModeSettings modes) =>
        ReferenceService.StartAsync(ServiceOptions.Default with { Modes = modes }, CancellationToken.None);

    private static string[] Args(Uri primary, Uri candidate, Uri secondary) =>
        ["diff", "--primary", primary.ToString(), "--candidate", candidate.ToString(), "--secondary", secondary.ToString(), "--requests", "60", "--seed", "7", "--out", "out"];

    private static JsonElement Diff(CliRun run)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(run.WorkingDirectory, "out", "diff.json")));
        return json.RootElement.Clone();
    }
}
