using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Harness.Cli.Tests;

/// <summary>
/// Traffic readiness (unknown-rate, would-reject-rate) over a replayed capture, and the drill:
/// with clean traffic the shadow and enforce-25 phases are GO end to end; dirty traffic fails;
/// against a team's service without a capture readiness is not evaluated and the verdict is NO-GO;
/// against the embedded reference (no real traffic) it is not applicable.
/// </summary>
public sealed class ReadinessGateTests
{
    [Fact]
    public async Task Shadow_CleanCapture_IsGo_WithTheChaosLiteDrillsOnTheEmbeddedTargetsOwnContainers()
    {
        using var run = new CliRun();
        var capture = run.Write("clean.jsonl", Capture(1000, unknownEvery: 0));
        var code = await run.RunAsync("--phase", "shadow", "--capture", capture, "--out", "out");
        Assert.True(code == ExitCodes.Go, run.Out + run.Error);
        var gates = Gates(run);
        Assert.Equal("Pass", gates["would-reject-rate"].GetProperty("status").GetString());
        Assert.Equal(1000, gates["would-reject-rate"].GetProperty("sampleSize").GetInt32());
        // --stores auto started Postgres and Redis for the embedded service because the drills need them.
        Assert.Equal("Pass", gates["redis-outage-drill"].GetProperty("status").GetString());
        Assert.Equal("Pass", gates["postgres-outage-drill"].GetProperty("status").GetString());
        Assert.Contains(", 0 lost;", gates["postgres-outage-drill"].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.True(gates["latency-drill"].GetProperty("status").GetString() == "Pass", gates["latency-drill"].ToString());
        Assert.Contains("the mode store's bound held", gates["latency-drill"].GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enforce25_CleanCapture_IsGoWithDrillAndShare()
    {
        using var run = new CliRun();
        var capture = run.Write("clean.jsonl", Capture(1000, unknownEvery: 0));
        var code = await run.RunAsync("--phase", "enforce-25", "--capture", capture, "--out", "out");
        Assert.True(code == ExitCodes.Go, run.Out + run.Error);
        var gates = Gates(run);
        Assert.Equal("Pass", gates["auto-downgrade-drill"].GetProperty("status").GetString());
        Assert.Contains("mode restored to enforce", gates["auto-downgrade-drill"].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal("Pass", gates["unknown-rate"].GetProperty("status").GetString());
        Assert.Equal("Pass", gates["enforced-share"].GetProperty("status").GetString());
    }

    [Fact]
    public async Task Shadow_CaptureWithFivePercentUnknown_FailsNoGo()
    {
        using var run = new CliRun();
        var capture = run.Write("dirty.jsonl", Capture(1000, unknownEvery: 20));
        Assert.Equal(ExitCodes.NoGo, await run.RunAsync("--phase", "shadow", "--capture", capture, "--stores", "memory", "--out", "out"));
        var gate = Gates(run)["would-reject-rate"];
        Assert.Equal("Fail", gate.GetProperty("status").GetString());
        Assert.Equal(0.05, gate.GetProperty("value").GetDouble(), 3);
    }

    [Fact]
    public async Task Shadow_SmallCaptureWithOneUnknown_IsInconclusiveHold()
    {
        using var run = new CliRun();
        var capture = run.Write("small.jsonl", Capture(400, unknownEvery: 400));
        Assert.Equal(ExitCodes.Hold, await run.RunAsync("--phase", "shadow", "--capture", capture, "--stores", "memory", "--out", "out"));
        Assert.Equal("Inconclusive", Gates(run)["would-reject-rate"].GetProperty("status").GetString());
    }

    [Fact]
    public async Task Shadow_UrlTargetWithoutCapture_ReadinessNotEvaluatedNoGo()
    {
        var options = ReferenceImpl.Api.Hosting.ServiceOptions.Default with
        {
            Modes = new StageContract.Modes.ModeSettings { GlobalMode = StageContract.Modes.ValidationMode.Warn, DryRun = true },
        };
        await using var service = await ReferenceImpl.Api.Hosting.ReferenceService.StartAsync(options, CancellationToken.None);
        using var run = new CliRun();
        Assert.Equal(ExitCodes.NoGo, await run.RunAsync("--phase", "shadow", "--target", service.BaseAddress.ToString(), "--out", "out"));
        var gate = Gates(run)["would-reject-rate"];
        Assert.Equal("NotEvaluated", gate.GetProperty("status").GetString());
        Assert.Contains("--capture", gate.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains("blocking gate 'would-reject-rate' was not evaluated", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("shadow", "would-reject-rate")]
    [InlineData("enforce-25", "unknown-rate")]
    public async Task EmbeddedReferenceWithoutCapture_IsGo_WithReadinessNotApplicableAndSaidSo(string phase, string readinessGate)
    {
        using var run = new CliRun();
        var code = await run.RunAsync("--phase", phase, "--stores", "memory", "--out", "out");
        Assert.True(code == ExitCodes.Go, run.Out + run.Error);
        var gate = Gates(run)[readinessGate];
        Assert.Equal("NotApplicable", gate.GetProperty("status").GetString());
        Assert.Contains("no real traffic", gate.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains($"not applicable to this target: '{readinessGate}'", run.Out, StringComparison.Ordinal);
        Assert.Contains("Not applicable", File.ReadAllText(Path.Combine(run.WorkingDirectory, "out", "report.md")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shadow_MalformedCaptureLine_NotEvaluatedNamesTheLine()
    {
        using var run = new CliRun();
        var capture = run.Write("bad.jsonl", Capture(3, 0) + "{\"method\":\"DELETE\",\"path\":\"/x\"}\n");
        Assert.Equal(ExitCodes.NoGo, await run.RunAsync("--phase", "shadow", "--capture", capture, "--stores", "memory", "--out", "out"));
        Assert.Contains("line 4", Gates(run)["would-reject-rate"].GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Capture_MissingFile_IsUsageError()
    {
        using var run = new CliRun();
        Assert.Equal(ExitCodes.HarnessOrUsageError, await run.RunAsync("--phase", "shadow", "--capture", "nope.jsonl"));
        Assert.Contains("--capture: no file", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drill_UrlTargetWithoutCredentials_IsNotEvaluated()
    {
        var options = ReferenceImpl.Api.Hosting.ServiceOptions.Default with
        {
            Modes = new StageContract.Modes.ModeSettings { GlobalMode = StageContract.Modes.ValidationMode.Enforce, EnforcementPercent = 25 },
        };
        await using var service = await ReferenceImpl.Api.Hosting.ReferenceService.StartAsync(options, CancellationToken.None);
        using var run = new CliRun();
        await run.RunAsync("--phase", "enforce-25", "--target", service.BaseAddress.ToString(), "--out", "out");
        var drill = Gates(run)["auto-downgrade-drill"];
        Assert.Equal("NotEvaluated", drill.GetProperty("status").GetString());
        Assert.Contains("REHEARSE_OPS_TOKEN", drill.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    /// <summary>Reads of fund 1's companies and Monte Carlo runs; every <paramref name="unknownEvery"/>-th request has an unknown stage.</summary>
    private static string Capture(int count, int unknownEvery)
    {
        var lines = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            var stage = unknownEvery > 0 && i % unknownEvery == unknownEvery - 1 ? "growth" : i % 2 == 0 ? "seed" : "Series A";
            lines.AppendLine(i % 3 == 0
                ? JsonSerializer.Serialize(new { method = "POST", path = "/api/monte-carlo/simulate", body = new { fundId = 1, runs = 10, seed = i, stageDistribution = new[] { new { stage, weight = 1.0 } } } })
                : JsonSerializer.Serialize(new { method = "GET", path = "/api/funds/1/companies?stage=" + Uri.EscapeDataString(stage), requestId = "cap-" + i.ToString(CultureInfo.InvariantCulture) }));
        }

        return lines.ToString();
    }

    private static Dictionary<string, JsonElement> Gates(CliRun run)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(run.WorkingDirectory, "out", "report.json")));
        return json.RootElement.GetProperty("gates").EnumerateArray().ToDictionary(g => g.GetProperty("id").GetString()!, g => g.Clone());
    }
}
