using System.Text.Json;
using System.Text.RegularExpressions;
using ReferenceImpl.Api.Hosting;
using StageContract.Modes;

namespace Harness.Cli.Tests;

/// <summary><c>rehearse scenario</c>: a named load scenario of <c>scenarios/</c> on its own, in the rehearsal's report formats.</summary>
[Collection(LoadJudging.Name)]
public sealed class ScenarioVerbTests
{
    [Fact]
    public async Task Scenario_CanaryAgainstTheEmbeddedReference_IsGoAndWritesReportsWithCharts()
    {
        using var run = new CliRun();
        var code = await run.RunAsync("scenario", "canary", "--rate", "80", "--seconds", "2", "--out", "canary");
        Assert.True(code == ExitCodes.Go, run.Out + run.Error);
        var directory = Path.Combine(run.WorkingDirectory, "canary");
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "report.json")));
        Assert.Equal("scenario-canary", json.RootElement.GetProperty("phase").GetString());
        var ids = json.RootElement.GetProperty("gates").EnumerateArray().Select(g => g.GetProperty("id").GetString()!).ToList();
        Assert.Equal(
            ["rung-10/enforce-10/answers", "rung-10/enforce-10/enforced-share", "rung-25/enforce-25/answers", "rung-25/enforce-25/enforced-share",
             "rung-50/enforce-50/answers", "rung-50/enforce-50/enforced-share", "rung-100/enforce-100/answers", "rung-100/enforce-100/enforced-share"], ids);
        var html = File.ReadAllText(Path.Combine(directory, "report.html"));
        Assert.Matches(new Regex("<img alt=\"Enforced share vs the rung[^\"]*\" src=\"data:image/png;base64,"), html);
        Assert.Matches(new Regex("<img alt=\"Latency over time[^\"]*\" src=\"data:image/png;base64,"), html);
        Assert.True(File.Exists(Path.Combine(directory, "junit.xml")) && File.Exists(Path.Combine(directory, "report.md")));
    }

    [Fact]
    public async Task Scenario_WriteOnlyAgainstAUrlInPlainWarn_IsNotApplicableAndNoGo()
    {
        var options = ServiceOptions.Default with { Modes = new ModeSettings { GlobalMode = ValidationMode.Warn } };
        await using var service = await ReferenceService.StartAsync(options, CancellationToken.None);
        using var run = new CliRun();
        var code = await run.RunAsync("scenario", "write-only", "--target", service.BaseAddress.ToString(), "--rate", "50", "--seconds", "1", "--out", "wo");
        Assert.Equal(ExitCodes.NoGo, code);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(run.WorkingDirectory, "wo", "report.json")));
        var gate = Assert.Single(json.RootElement.GetProperty("gates").EnumerateArray());
        Assert.Equal("NotApplicable", gate.GetProperty("status").GetString());
        Assert.Contains("does not run this segment's configuration", gate.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scenario_Unknown_IsAUsageErrorListingTheCatalogue()
    {
        using var run = new CliRun();
        Assert.Equal(ExitCodes.HarnessOrUsageError, await run.RunAsync("scenario", "stampede"));
        Assert.Equal("rehearse: unknown scenario 'stampede' (known: canary, shadow, write-only, soak)", run.Error.Trim());
    }
}
