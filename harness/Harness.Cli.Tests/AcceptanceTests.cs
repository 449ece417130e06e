using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Harness.Engine.Plans;
using ReferenceImpl.Api.Hosting;
using StageContract.Modes;

namespace Harness.Cli.Tests;

/// <summary>The acceptance points of issue 3, end to end through the CLI against real HTTP.</summary>
public sealed class AcceptanceTests
{
    private static readonly string[] ReportNames = ["report.json", "junit.xml", "report.md", "report.html", "runbook.md", "changelog.md"];

    [Fact]
    public async Task StagingWarn_EmbeddedReference_IsGoAndWritesParseableReportsAndTheReleaseKit()
    {
        using var run = new CliRun();
        var code = await run.RunAsync("--phase", "staging-warn");
        Assert.True(code == ExitCodes.Go, run.Out + run.Error);

        var directory = Path.Combine(run.WorkingDirectory, "reports", "20261124T123000Z-staging-warn");
        Assert.All(ReportNames, name => Assert.True(File.Exists(Path.Combine(directory, name)), name));
        Assert.Contains($"reports: {directory}", run.Out, StringComparison.Ordinal);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "report.json")));
        Assert.Equal("GO", json.RootElement.GetProperty("verdict").GetString());
        Assert.Equal("embedded", json.RootElement.GetProperty("target").GetProperty("kind").GetString());
        Assert.Equal(1, json.RootElement.GetProperty("seed").GetInt32());
        var gates = json.RootElement.GetProperty("gates").EnumerateArray().ToList();
        Assert.All(gates.Where(g => g.GetProperty("blocking").GetBoolean() && g.GetProperty("kind").GetString() != "baseline-load"), g => Assert.Equal("Pass", g.GetProperty("status").GetString()));
        Assert.Equal("NotApplicable", gates.Single(g => g.GetProperty("kind").GetString() == "baseline-load").GetProperty("status").GetString());
        Assert.DoesNotContain(gates, g => g.GetProperty("status").GetString() == "NotEvaluated");
        Assert.Contains(gates, g => g.GetProperty("kind").GetString() == "golden-conformance" && g.GetProperty("sampleSize").GetInt32() > 0);
        var migration = gates.Single(g => g.GetProperty("kind").GetString() == "migration-rehearsal");
        Assert.True(migration.GetProperty("blocking").GetBoolean());
        Assert.Contains("rolled back to the exact pre-migration content", migration.GetProperty("reason").GetString(), StringComparison.Ordinal);

        var junit = XDocument.Load(Path.Combine(directory, "junit.xml"));
        Assert.Equal(gates.Count, junit.Descendants("testcase").Count());
        Assert.Empty(junit.Descendants("failure"));
        Assert.Empty(junit.Descendants("error"));

        var html = File.ReadAllText(Path.Combine(directory, "report.html"));
        Assert.Matches(new Regex("<img alt=\"[^\"]+\" src=\"data:image/png;base64,iVBORw0KGgo"), html);

        var md = File.ReadAllText(Path.Combine(directory, "report.md"));
        Assert.StartsWith("## ✅ GO — `staging-warn`", md, StringComparison.Ordinal);

        var runbook = File.ReadAllText(Path.Combine(directory, "runbook.md"));
        Assert.StartsWith("# Runbook: staging-warn", runbook, StringComparison.Ordinal);
        Assert.Contains("**Verdict: GO.**", runbook, StringComparison.Ordinal);
        Assert.Contains("stage-migrate rollback", runbook, StringComparison.Ordinal);
        Assert.Contains("investment stage validation, staging-warn", File.ReadAllText(Path.Combine(directory, "changelog.md")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteEnforce_EmbeddedReference_OnRealContainers_IsGo_WithTheEvidenceOfEveryMigrationStep()
    {
        using var run = new CliRun();
        var code = await run.RunAsync("--phase", "write-enforce", "--out", "we");
        Assert.True(code == ExitCodes.Go, run.Out + run.Error);
        Assert.Contains("starting Postgres", run.Out, StringComparison.Ordinal);

        var directory = Path.Combine(run.WorkingDirectory, "we");
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "report.json")));
        var gates = json.RootElement.GetProperty("gates").EnumerateArray().ToList();
        var rehearsal = gates.Single(g => g.GetProperty("id").GetString() == "migration-rehearsal");
        Assert.Equal("Pass", rehearsal.GetProperty("status").GetString());
        var steps = rehearsal.GetProperty("evidence").EnumerateArray().Select(e => e.GetProperty("subject").GetString()!).ToList();
        Assert.Equal(["0 checksum", "1 plan", "2 snapshot", "3 restore", "4 apply+kill", "5 resume", "6 verify", "7 second apply", "8 smoke", "9 rollback", "10 apply", "11 verify"], steps);
        Assert.All(rehearsal.GetProperty("evidence").EnumerateArray(), e => Assert.DoesNotContain("FAILED", e.GetProperty("actual").GetString(), StringComparison.Ordinal));
        Assert.Contains("killed after", rehearsal.GetProperty("evidence")[4].GetProperty("actual").GetString(), StringComparison.Ordinal);
        Assert.Equal("Pass", gates.Single(g => g.GetProperty("id").GetString() == "migration-verified").GetProperty("status").GetString());
        var charts = rehearsal.GetProperty("charts").EnumerateArray().Select(c => c.GetProperty("title").GetString()!).ToList();
        Assert.Equal(["Rows changed per canonical stage (plan)", "Migration rehearsal: seconds per step"], charts);
        Assert.Contains("alt=\"Rows changed per canonical stage", File.ReadAllText(Path.Combine(directory, "report.html")), StringComparison.Ordinal);

        var artifacts = Path.Combine(directory, "artifacts");
        Assert.True(File.Exists(Path.Combine(artifacts, "migration-plan.json")));
        Assert.True(File.Exists(Path.Combine(artifacts, "migration-verify-final.json")));
        Assert.True(File.Exists(Path.Combine(artifacts, "migration-snapshot.dump.sha256")));
    }

    [Fact]
    public async Task WriteEnforce_AgainstAUrlWithoutADatabase_IsNoGo_WithTheMigrationGatesNotEvaluated()
    {
        var options = ServiceOptions.Default with { Modes = new ModeSettings { GlobalMode = ValidationMode.Warn, EnforceWriteOnly = true } };
        await using var service = await ReferenceService.StartAsync(options, CancellationToken.None);
        using var run = new CliRun();
        var code = await run.RunAsync("--phase", "write-enforce", "--target", service.BaseAddress.ToString(), "--out", "out");
        Assert.Equal(ExitCodes.NoGo, code);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(run.WorkingDirectory, "out", "report.json")));
        var migration = json.RootElement.GetProperty("gates").EnumerateArray().Where(g => g.GetProperty("kind").GetString()!.StartsWith("migration-", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, migration.Count);
        Assert.All(migration, g =>
        {
            Assert.Equal("NotEvaluated", g.GetProperty("status").GetString());
            Assert.Contains("--database", g.GetProperty("reason").GetString(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task StagingWarn_AgainstAServiceInEnforce_IsNoGoAndNamesTheDifference()
    {
        var options = ServiceOptions.Default with { Modes = new ModeSettings { GlobalMode = ValidationMode.Enforce } };
        await using var service = await ReferenceService.StartAsync(options, CancellationToken.None);
        using var run = new CliRun();
        var code = await run.RunAsync("--phase", "staging-warn", "--target", service.BaseAddress.ToString(), "--out", "out");
        Assert.Equal(ExitCodes.NoGo, code);
        Assert.Contains("blocking gate 'configuration' failed (configuration differs: ", run.Out, StringComparison.Ordinal);
        Assert.Contains("mode (self-report): phase expects warn, target has enforce", run.Out, StringComparison.Ordinal);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(run.WorkingDirectory, "out", "report.json")));
        Assert.Equal("NO-GO", json.RootElement.GetProperty("verdict").GetString());
        Assert.Equal("url", json.RootElement.GetProperty("target").GetProperty("kind").GetString());
        var configuration = json.RootElement.GetProperty("gates")[0];
        Assert.Equal("Fail", configuration.GetProperty("status").GetString());
        var evidence = configuration.GetProperty("evidence")[0];
        Assert.StartsWith("behaviour of POST /api/monte-carlo/simulate", evidence.GetProperty("subject").GetString(), StringComparison.Ordinal);
        Assert.Equal("warn", evidence.GetProperty("expected").GetString());
        Assert.StartsWith("enforce: rejected 400 INVALID_STAGE_DISTRIBUTION", evidence.GetProperty("actual").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_ReRendersTheHumanReportsFromJson()
    {
        using var run = new CliRun();
        await run.RunAsync("--phase", "staging-warn", "--out", "first");
        var first = Path.Combine(run.WorkingDirectory, "first");
        Assert.Equal(ExitCodes.Go, await run.RunAsync("report", Path.Combine(first, "report.json"), "--out", "second"));
        var second = Path.Combine(run.WorkingDirectory, "second");
        foreach (var name in new[] { "junit.xml", "report.md", "report.html", "runbook.md", "changelog.md" })
        {
            Assert.Equal(File.ReadAllText(Path.Combine(first, name)), File.ReadAllText(Path.Combine(second, name)));
        }
    }

    [Fact]
    public async Task Rehearse_CustomPlanWithInconclusiveBlockingGate_IsHold()
    {
        using var run = new CliRun();
        // Header coverage needs warn responses; in enforce at 100% there are none, so it cannot judge.
        run.Write("plan.yaml", """
            version: 1
            phases:
              - name: strict
                configuration: { mode: enforce }
                gates:
                  - { id: configuration, kind: configuration-conformance }
                  - { id: headers, kind: header-coverage, threshold: ">= 99%", parameters: { requests: 20, minSamples: 10 } }
            """);
        Assert.Equal(ExitCodes.Hold, await run.RunAsync("--phase", "strict", "--plan", "plan.yaml", "--out", "r"));
        Assert.Contains("HOLD: no blocking gate failed, but 'headers' inconclusive", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Golden_AgainstAUrl_RunsTheCorpusInTheTargetsOwnConfiguration()
    {
        var options = ServiceOptions.Default with { Modes = new ModeSettings { GlobalMode = ValidationMode.Warn, DryRun = true } };
        await using var service = await ReferenceService.StartAsync(options, CancellationToken.None);
        using var run = new CliRun();
        Assert.Equal(ExitCodes.Go, await run.RunAsync("golden", "--target", service.BaseAddress.ToString(), "--out", "g"));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(run.WorkingDirectory, "g", "report.json")));
        Assert.True(json.RootElement.GetProperty("configuration").GetProperty("dryRun").GetBoolean());
    }

    [Fact]
    public async Task StagingWarn_OnATerminal_DrawsTheVerdictTable()
    {
        using var run = new CliRun { Interactive = true };
        Assert.Equal(ExitCodes.Go, await run.RunAsync("--phase", "staging-warn", "--out", "tty"));
        // A table, not plain lines; the width of a non-terminal writer wraps long cells, so check short words.
        Assert.Contains("│ golden", run.Out, StringComparison.Ordinal);
        Assert.Contains("advisory", run.Out, StringComparison.Ordinal);
        Assert.Contains("all 8 blocking gate(s) passed", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("[1/8]", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultPlan_EveryKindItUsesIsImplemented()
    {
        var kinds = PlanLoader.LoadDefault().Phases.SelectMany(p => p.Gates).Select(g => g.Kind).Distinct();
        Assert.All(kinds, k => Assert.True(CliApp.DefaultRegistry.IsImplemented(k), k));
    }
}
