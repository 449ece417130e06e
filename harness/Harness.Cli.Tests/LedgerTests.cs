using System.Text.Json;

namespace Harness.Cli.Tests;

/// <summary>
/// Issue 13, the promotion ledger, end to end through the CLI against the embedded reference: a
/// phase without a GO of the rung before it is NO-GO naming that rung; after the GO it proceeds;
/// <c>rehearse status</c> shows the ladder; an override is recorded; a file that is not a ledger is
/// refused and left as it was. The plan keeps the built-in phases' names and configurations with one
/// fast gate each, so the test is about the ledger, not the gates.
/// </summary>
public sealed class LedgerTests
{
    private const string Plan = """
        version: 1
        ledger: { maxAge: 7d }
        phases:
          - name: enforce-25
            requires: none
            configuration: { mode: enforce, enforcementPercent: 25 }
            gates:
              - { id: decision-table, kind: decision-table, threshold: "== 100%" }
          - name: enforce-50
            configuration: { mode: enforce, enforcementPercent: 50 }
            gates:
              - { id: decision-table, kind: decision-table, threshold: "== 100%" }
        """;

    [Fact]
    public async Task Enforce50_WithoutAGoOfEnforce25_IsNoGoNamingTheRung_AndAfterTheGoItProceeds()
    {
        using var run = new CliRun();
        run.Write("plan.yaml", Plan);

        Assert.Equal(ExitCodes.NoGo, await run.RunAsync("--phase", "enforce-50", "--plan", "plan.yaml", "--ledger", "ledger.json", "--out", "first-50"));
        var rung = LedgerGate(run, "first-50");
        Assert.Equal("Fail", rung.GetProperty("status").GetString());
        Assert.Contains("missing rung: no GO of 'enforce-25' for embedded", rung.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains("the ledger holds no run of it", rung.GetProperty("reason").GetString(), StringComparison.Ordinal);

        Assert.Equal(ExitCodes.Go, await run.RunAsync("--phase", "enforce-25", "--plan", "plan.yaml", "--ledger", "ledger.json", "--out", "r25"));
        Assert.Equal(ExitCodes.Go, await run.RunAsync("--phase", "enforce-50", "--plan", "plan.yaml", "--ledger", "ledger.json", "--out", "r50"));
        Assert.Equal("Pass", LedgerGate(run, "r50").GetProperty("status").GetString());

        using var ledger = JsonDocument.Parse(File.ReadAllText(Path.Combine(run.WorkingDirectory, "ledger.json")));
        var entries = ledger.RootElement.GetProperty("entries").EnumerateArray().Select(e => (Phase: e.GetProperty("phase").GetString(), Verdict: e.GetProperty("verdict").GetString())).ToList();
        Assert.Equal([("enforce-50", "NO-GO"), ("enforce-25", "GO"), ("enforce-50", "GO")], entries);

        Assert.Equal(ExitCodes.Go, await run.RunAsync("status", "--ledger", "ledger.json", "--target", "embedded", "--plan", "plan.yaml"));
        Assert.Contains("passed  enforce-25", run.Out, StringComparison.Ordinal);
        Assert.Contains("passed  enforce-50", run.Out, StringComparison.Ordinal);
        Assert.Contains("every rung passed", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enforce50_AfterTheGoGotTooOld_IsNoGo_AndStatusSaysWhatIsNext()
    {
        using var run = new CliRun();
        run.Write("plan.yaml", Plan);
        Assert.Equal(ExitCodes.Go, await run.RunAsync("--phase", "enforce-25", "--plan", "plan.yaml", "--ledger", "ledger.json", "--out", "r25"));
        run.Clock.Advance(TimeSpan.FromDays(8));

        Assert.Equal(ExitCodes.NoGo, await run.RunAsync("--phase", "enforce-50", "--plan", "plan.yaml", "--ledger", "ledger.json", "--out", "r50"));
        Assert.Contains("its latest GO is 8 d old", LedgerGate(run, "r50").GetProperty("reason").GetString(), StringComparison.Ordinal);

        Assert.Equal(ExitCodes.Go, await run.RunAsync("status", "--ledger", "ledger.json", "--target", "embedded", "--plan", "plan.yaml"));
        Assert.Contains("open    enforce-25       GO 8 d ago", run.Out, StringComparison.Ordinal);
        Assert.Contains("next rung: enforce-25", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Force_WithAReason_OverridesTheMissingRung_AndRecordsWhy()
    {
        using var run = new CliRun();
        run.Write("plan.yaml", Plan);
        Assert.Equal(ExitCodes.HarnessOrUsageError, await run.RunAsync("--phase", "enforce-50", "--plan", "plan.yaml", "--ledger", "ledger.json", "--force"));
        Assert.Contains("--force needs --reason", run.Error, StringComparison.Ordinal);

        Assert.Equal(ExitCodes.Go, await run.RunAsync("--phase", "enforce-50", "--plan", "plan.yaml", "--ledger", "ledger.json", "--force", "--reason", "enforce-25 ran in the old pipeline", "--out", "r50"));
        Assert.StartsWith("overridden with --force: enforce-25 ran in the old pipeline", LedgerGate(run, "r50").GetProperty("reason").GetString(), StringComparison.Ordinal);
        using var ledger = JsonDocument.Parse(File.ReadAllText(Path.Combine(run.WorkingDirectory, "ledger.json")));
        Assert.Equal("enforce-25 ran in the old pipeline", ledger.RootElement.GetProperty("entries")[0].GetProperty("override").GetString());
    }

    [Fact]
    public async Task Ledger_NotALedger_IsRefusedBeforeTheRun_AndLeftAsItWas()
    {
        using var run = new CliRun();
        run.Write("plan.yaml", Plan);
        var path = run.Write("ledger.json", "{\"entries\": 5}");
        Assert.Equal(ExitCodes.HarnessOrUsageError, await run.RunAsync("--phase", "enforce-25", "--plan", "plan.yaml", "--ledger", "ledger.json", "--out", "r"));
        Assert.StartsWith("rehearse: --ledger: ", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.Equal("{\"entries\": 5}", File.ReadAllText(path));
        Assert.False(Directory.Exists(Path.Combine(run.WorkingDirectory, "r")));
    }

    private static JsonElement LedgerGate(CliRun run, string reportDirectory)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(run.WorkingDirectory, reportDirectory, "report.json")));
        return json.RootElement.GetProperty("gates").EnumerateArray().Single(g => g.GetProperty("id").GetString() == "promotion-ledger").Clone();
    }
}
