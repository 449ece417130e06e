using System.Text.Json;
using ReferenceImpl.Api.Faults;
using ReferenceImpl.Api.Hosting;
using StageContract.Modes;

namespace Harness.Cli.Tests;

/// <summary>
/// Issue 13, known findings, end to end through the CLI against reference services started with
/// contract faults: a team accepts the findings of a broken sum rule, after which the phase fails
/// only when something new breaks (a second fault), and the accepted findings are reported fixed
/// once the service is clean. The gates judge the service by behaviour, as for any team's service.
/// </summary>
public sealed class KnownFindingsTests
{
    private const string Plan = """
        version: 1
        phases:
          - name: warn
            configuration: { mode: warn }
            gates:
              - { id: golden, kind: golden-conformance, threshold: "== 100%" }
        """;

    [Fact]
    public async Task AcceptedFindings_StopDeciding_NewOnesStillDo_AndFixedOnesAreReported()
    {
        using var run = new CliRun();
        var plan = run.Write("plan.yaml", Plan);
        int accepted;
        await using (var sumCheckOff = await StartAsync(Fault.SumCheckOff))
        {
            string[] phase = ["--phase", "warn", "--plan", plan, "--target", sumCheckOff.BaseAddress.ToString()];
            Assert.Equal(ExitCodes.HarnessOrUsageError, await run.RunAsync([.. phase, "--known-findings", "known.json"]));
            Assert.Contains("--known-findings: no file", run.Error, StringComparison.Ordinal);

            Assert.Equal(ExitCodes.NoGo, await run.RunAsync([.. phase, "--out", "first"]));
            Assert.Equal(ExitCodes.Go, await run.RunAsync("findings", "accept", "--report", "first", "--known-findings", "known.json", "--reason", "sum rule off until TICKET-7 ships"));
            Assert.Contains("finding(s) accepted", run.Out, StringComparison.Ordinal);

            Assert.Equal(ExitCodes.Go, await run.RunAsync([.. phase, "--known-findings", "known.json", "--out", "accepted"]));
            using var report = Read(run, "accepted");
            var golden = Gate(report, "golden");
            Assert.Equal(("Fail", true), (golden.GetProperty("status").GetString(), golden.GetProperty("accepted").GetBoolean()));
            var findings = report.RootElement.GetProperty("findings");
            accepted = findings.GetProperty("accepted").GetArrayLength();
            Assert.True(accepted > 0);
            Assert.Equal(0, findings.GetProperty("new").GetArrayLength());
            Assert.All(findings.GetProperty("accepted").EnumerateArray(), f => Assert.Equal("sum rule off until TICKET-7 ships", f.GetProperty("reason").GetString()));
            Assert.Contains("## Known findings (known.json)", File.ReadAllText(Path.Combine(run.WorkingDirectory, "accepted", "report.md")), StringComparison.Ordinal);
        }

        await using (var twoFaults = await StartAsync(Fault.SumCheckOff, Fault.NoRescaleInTolerance))
        {
            Assert.Equal(ExitCodes.NoGo, await run.RunAsync("--phase", "warn", "--plan", plan, "--target", twoFaults.BaseAddress.ToString(), "--known-findings", "known.json", "--out", "worse"));
            using var report = Read(run, "worse");
            var findings = report.RootElement.GetProperty("findings");
            Assert.True(findings.GetProperty("new").GetArrayLength() > 0);
            Assert.Equal(accepted, findings.GetProperty("accepted").GetArrayLength());
            Assert.False(Gate(report, "golden").GetProperty("accepted").GetBoolean());
            Assert.Contains("new finding(s) beside", report.RootElement.GetProperty("verdictReason").GetString(), StringComparison.Ordinal);
        }

        await using (var clean = await StartAsync())
        {
            Assert.Equal(ExitCodes.Go, await run.RunAsync("--phase", "warn", "--plan", plan, "--target", clean.BaseAddress.ToString(), "--known-findings", "known.json", "--out", "clean"));
            using var report = Read(run, "clean");
            var findings = report.RootElement.GetProperty("findings");
            Assert.Equal(accepted, findings.GetProperty("fixed").GetArrayLength());
            Assert.Equal(0, findings.GetProperty("accepted").GetArrayLength());
        }
    }

    [Fact]
    public async Task FindingsAccept_RefusesAFileThatIsNotAKnownFindingsFile_AndLeavesItAsItWas()
    {
        using var run = new CliRun();
        run.Write("plan.yaml", Plan);
        var notFindings = run.Write("ledger.json", """{"schemaVersion":1,"entries":[]}""");
        await using var sumCheckOff = await StartAsync(Fault.SumCheckOff);
        Assert.Equal(ExitCodes.NoGo, await run.RunAsync("--phase", "warn", "--plan", "plan.yaml", "--target", sumCheckOff.BaseAddress.ToString(), "--out", "first"));

        Assert.Equal(ExitCodes.HarnessOrUsageError, await run.RunAsync("findings", "accept", "--report", "first", "--known-findings", "ledger.json", "--reason", "x"));
        Assert.Contains("not a known-findings file", run.Error, StringComparison.Ordinal);
        Assert.Equal("""{"schemaVersion":1,"entries":[]}""", File.ReadAllText(notFindings));

        Assert.Equal(ExitCodes.HarnessOrUsageError, await run.RunAsync("findings", "accept", "--report", "first", "--known-findings", "known.json", "--reason", "x", "--gate", "nope"));
        Assert.Contains("--gate: the report has no gate 'nope'", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(run.WorkingDirectory, "known.json")));
    }

    private static Task<RunningReferenceService> StartAsync(params Fault[] faults) =>
        ReferenceService.StartAsync(ServiceOptions.Default with { Modes = new ModeSettings { GlobalMode = ValidationMode.Warn }, Faults = FaultSet.Of(faults) }, CancellationToken.None);

    private static JsonDocument Read(CliRun run, string directory) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(run.WorkingDirectory, directory, "report.json")));

    private static JsonElement Gate(JsonDocument report, string id) =>
        report.RootElement.GetProperty("gates").EnumerateArray().Single(g => g.GetProperty("id").GetString() == id);
}
