using System.Text.Json;
using ReferenceImpl.Api.Hosting;
using StageContract.Modes;

namespace Harness.Cli.Tests;

/// <summary>The error-rate, validator-latency and enforced-share gates against real reference services: they pass on a conforming target and fail on a wrong one.</summary>
[Collection(LoadJudging.Name)]
public sealed class LoadGateTests
{
    [Fact]
    public async Task EnforcedShare_ServiceAtTheRungsPercent_Passes()
    {
        var gates = await RunAgainstAsync(new ModeSettings { GlobalMode = ValidationMode.Enforce, EnforcementPercent = 25 }, "enforce-25");
        Assert.Equal("Pass", gates["enforced-share"].GetProperty("status").GetString());
        Assert.Equal("Pass", gates["error-rate"].GetProperty("status").GetString());
        Assert.Equal("Pass", gates["validator-p99"].GetProperty("status").GetString());
        var share = gates["enforced-share"].GetProperty("value").GetDouble();
        Assert.InRange(share, 0.2179, 0.2821);
    }

    [Fact]
    public async Task EnforcedShare_ServiceAtAWrongPercent_FailsAndNoGo()
    {
        var (code, gates) = await RunAsync(new ModeSettings { GlobalMode = ValidationMode.Enforce, EnforcementPercent = 40 }, "enforce-25");
        Assert.Equal(ExitCodes.NoGo, code);
        var share = gates["enforced-share"];
        Assert.Equal("Fail", share.GetProperty("status").GetString());
        Assert.Contains("outside the 99.9% interval", share.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains("disagree with it", share.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ErrorRate_ServiceAnsweringOtherStatuses_Fails()
    {
        // staging-warn expects unknown stages to be served; a service in enforce rejects them.
        var gates = await RunAgainstAsync(new ModeSettings { GlobalMode = ValidationMode.Enforce }, "staging-warn");
        var errorRate = gates["error-rate"];
        Assert.Equal("Fail", errorRate.GetProperty("status").GetString());
        Assert.True(errorRate.GetProperty("value").GetDouble() > 0.01);
        Assert.NotEqual(0, errorRate.GetProperty("evidence").GetArrayLength());
    }

    [Fact]
    public async Task WouldRejectConformance_ShadowPassesAndWarnWithoutDryRunFails()
    {
        var shadow = await RunAgainstAsync(new ModeSettings { GlobalMode = ValidationMode.Warn, DryRun = true }, "shadow");
        Assert.Equal("Pass", shadow["would-reject-conformance"].GetProperty("status").GetString());
        Assert.True(shadow["would-reject-conformance"].GetProperty("value").GetDouble() > 0.05);

        var warn = await RunAgainstAsync(new ModeSettings { GlobalMode = ValidationMode.Warn }, "shadow");
        var gate = warn["would-reject-conformance"];
        Assert.Equal("Fail", gate.GetProperty("status").GetString());
        Assert.Equal(0, gate.GetProperty("value").GetDouble());
    }

    [Fact]
    public async Task SustainedErrorRate_ServiceInAnotherMode_Fails()
    {
        var options = ServiceOptions.Default with { Modes = new ModeSettings { GlobalMode = ValidationMode.Enforce } };
        await using var service = await ReferenceService.StartAsync(options, CancellationToken.None);
        using var run = new CliRun();
        var plan = run.Write("plan.yaml", """
            version: 1
            phases:
              - name: sustained
                configuration: { mode: warn }
                gates:
                  - id: sustained
                    kind: sustained-error-rate
                    parameters: { rate: 100, steadySeconds: 2 }
                    threshold: "< 0.5%"
            """);
        await run.RunAsync("--phase", "sustained", "--plan", plan, "--target", service.BaseAddress.ToString(), "--out", "out");
        var gate = Gates(run)["sustained"];
        Assert.Equal("Fail", gate.GetProperty("status").GetString());
        Assert.True(gate.GetProperty("sampleSize").GetInt32() >= 150);
    }

    [Fact]
    public async Task ValidatorLatency_ThresholdBelowTheFastestBucket_NeverPasses()
    {
        using var run = new CliRun();
        var plan = run.Write("plan.yaml", """
            version: 1
            phases:
              - name: tight
                configuration: { mode: warn }
                gates:
                  - id: validator-p99
                    kind: validator-latency
                    threshold: "<= 1us"
            """);
        await run.RunAsync("--phase", "tight", "--plan", plan, "--out", "out");
        var gate = Gates(run)["validator-p99"];

        // 1 us is inside the first bucket (0, 10 us]: Fail when p99 lies above it, Inconclusive when in it; never Pass.
        Assert.Contains(gate.GetProperty("status").GetString(), new[] { "Fail", "Inconclusive" });
        Assert.True(gate.GetProperty("sampleSize").GetInt32() >= 200);
    }

    [Fact]
    public async Task ErrorRate_WithoutUpperLimitThreshold_IsAPlanError()
    {
        using var run = new CliRun();
        var plan = run.Write("plan.yaml", """
            version: 1
            phases:
              - name: odd
                configuration: { mode: warn }
                gates:
                  - id: error-rate
                    kind: error-rate
                    threshold: ">= 1%"
            """);
        Assert.Equal(ExitCodes.HarnessOrUsageError, await run.RunAsync("--phase", "odd", "--plan", plan));
        Assert.Contains("upper-limit threshold", run.Error, StringComparison.Ordinal);
    }

    private static async Task<Dictionary<string, JsonElement>> RunAgainstAsync(ModeSettings modes, string phase) =>
        (await RunAsync(modes, phase)).Gates;

    private static async Task<(int Code, Dictionary<string, JsonElement> Gates)> RunAsync(ModeSettings modes, string phase)
    {
        await using var service = await ReferenceService.StartAsync(ServiceOptions.Default with { Modes = modes }, CancellationToken.None);
        using var run = new CliRun();
        var code = await run.RunAsync("--phase", phase, "--target", service.BaseAddress.ToString(), "--out", "out");
        return (code, Gates(run));
    }

    private static Dictionary<string, JsonElement> Gates(CliRun run)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(run.WorkingDirectory, "out", "report.json")));
        return json.RootElement.GetProperty("gates").EnumerateArray().ToDictionary(g => g.GetProperty("id").GetString()!, g => g.Clone());
    }
}
