using System.Text.Json;
using ReferenceImpl.Api.Faults;
using ReferenceImpl.Api.Hosting;
using StageContract.Modes;

namespace Harness.Cli.Tests;

/// <summary>
/// The latency drill (+200 ms on Redis, then on Postgres): the embedded reference on memory stores has
/// nothing to slow (its pass on its containers is the built-in shadow run of ReadinessGateTests); a URL reference slowed by the rehearsal's <c>--latency-command</c> (writing the reference's
/// <c>STAGE_CHAOS_LATENCY_DIR</c> files) without its 100 ms mode store bound fails naming the bound;
/// without a command the drill is not applicable; a command without <c>{ms}</c> is a usage error.
/// </summary>
[Collection(LoadJudging.Name)]
public sealed class LatencyDrillTests
{
    private const string Plan = """
        version: 1
        phases:
          - name: drill
            configuration: { mode: enforce, enforcementPercent: 25 }
            gates:
              - id: latency
                kind: latency-drill
                threshold: "< 1s"
        """;

    [Fact]
    public async Task EmbeddedReferenceOnMemoryStores_IsNotApplicable_SayingHowToRunIt()
    {
        // The pass of the embedded reference on its own containers is ReadinessGateTests' shadow run (the built-in plan's drill).
        using var run = new CliRun();
        var plan = run.Write("plan.yaml", Plan);
        await run.RunAsync(["--phase", "drill", "--plan", plan, "--stores", "memory", "--out", "out"]);
        using var report = Report(run);
        var gate = Gate(report);
        Assert.Equal("NotApplicable", gate.GetProperty("status").GetString());
        Assert.Contains("--stores containers or auto", gate.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModeStoreWithoutTimeout_SlowedByTheLatencyCommand_FailsTheBound()
    {
        using var run = new CliRun();
        var chaos = Directory.CreateDirectory(Path.Combine(run.WorkingDirectory, "chaos")).FullName;
        var options = ServiceOptions.Default with
        {
            Modes = new ModeSettings { GlobalMode = ValidationMode.Enforce, EnforcementPercent = 25 },
            Faults = FaultSet.Of(Fault.ModeStoreNoTimeout),
            ChaosLatencyDirectory = chaos,
        };
        await using var service = await ReferenceService.StartAsync(options, CancellationToken.None);
        var plan = run.Write("plan.yaml", Plan);
        var code = await run.RunAsync(["--phase", "drill", "--plan", plan, "--target", service.BaseAddress.ToString(), "--out", "out",
            "--latency-command", $"echo {{ms}} > '{chaos}/{{dependency}}'"]);
        using var report = Report(run);
        var gate = Gate(report);
        Assert.True(gate.GetProperty("status").GetString() == "Fail", gate.ToString());
        Assert.Equal(ExitCodes.NoGo, code);
        Assert.Contains("the 100 ms bound on mode store calls does not hold", gate.GetProperty("reason").GetString(), StringComparison.Ordinal);
        // Both restored afterwards.
        Assert.Equal("0", File.ReadAllText(Path.Combine(chaos, "redis")).Trim());
        Assert.Equal("0", File.ReadAllText(Path.Combine(chaos, "postgres")).Trim());
    }

    [Fact]
    public async Task UrlTargetWithoutLatencyCommand_IsNotApplicable()
    {
        await using var service = await ReferenceService.StartAsync(ServiceOptions.Default with
        {
            Modes = new ModeSettings { GlobalMode = ValidationMode.Enforce, EnforcementPercent = 25 },
        }, CancellationToken.None);
        using var run = new CliRun();
        var plan = run.Write("plan.yaml", Plan);
        await run.RunAsync(["--phase", "drill", "--plan", plan, "--target", service.BaseAddress.ToString(), "--out", "out"]);
        using var report = Report(run);
        var gate = Gate(report);
        Assert.Equal("NotApplicable", gate.GetProperty("status").GetString());
        Assert.Contains("--latency-command", gate.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:9/", "tc qdisc replace dev eth0 root netem delay 200ms", "must name {ms}")]
    [InlineData("embedded", "echo {ms}", "--latency-command is for a URL target")]
    public async Task UnusableLatencyCommand_IsAUsageErrorOfOneLine(string target, string command, string expected)
    {
        using var run = new CliRun();
        var plan = run.Write("plan.yaml", Plan);
        var code = await run.RunAsync(["--phase", "drill", "--plan", plan, "--target", target, "--latency-command", command]);
        Assert.Equal(ExitCodes.HarnessOrUsageError, code);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Trim().Split('\n'));
    }

    private static JsonDocument Report(CliRun run)
    {
        var path = Path.Combine(run.WorkingDirectory, "out", "report.json");
        Assert.True(File.Exists(path), run.Out + run.Error);
        return JsonDocument.Parse(File.ReadAllText(path));
    }

    private static JsonElement Gate(JsonDocument report) =>
        report.RootElement.GetProperty("gates").EnumerateArray().Single(g => g.GetProperty("id").GetString() == "latency");
}
