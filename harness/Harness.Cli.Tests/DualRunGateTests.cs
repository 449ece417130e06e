using System.Text.Json;
using ReferenceImpl.Api.Hosting;
using StageContract.Modes;

namespace Harness.Cli.Tests;

/// <summary>
/// Issue 14, the <c>dual-run</c> gate kind end to end: a custom plan's phase lists it with a primary, the
/// phase's target is the candidate, and the gate decides the verdict like every other gate. Two clean
/// instances in the same mode pass (GO); a candidate that changes one field of one endpoint fails on that
/// field (NO-GO); without a primary the gate is not applicable; a primary that does not answer is not
/// evaluated (NO-GO, never a pass). Reference instances are in-process with in-memory stores, as in
/// <see cref="DiffVerbTests"/>.
/// </summary>
[Collection(LoadJudging.Name)]
public sealed class DualRunGateTests
{
    private static readonly ModeSettings Warn = new() { GlobalMode = ValidationMode.Warn };

    [Fact]
    public async Task DualRun_PrimaryAndTargetCleanInTheSameMode_PassesGo()
    {
        await using var primary = await StartAsync();
        await using var secondary = await StartAsync();
        await using var candidate = await StartAsync();
        using var run = new CliRun();
        var code = await RunAsync(run, candidate.BaseAddress, $"primary: \"{primary.BaseAddress}\", secondary: \"{secondary.BaseAddress}\"");
        var gate = Gate(run, "dual-run");
        Assert.True(code == ExitCodes.Go, Explain(run, gate));
        Assert.Equal("Pass", gate.GetProperty("status").GetString());
        Assert.Equal("== 0%", gate.GetProperty("threshold").GetString());
        Assert.True(gate.GetProperty("sampleSize").GetInt32() > 40, "the golden corpus and the plan's 40 generated requests were compared");
        var reason = gate.GetProperty("reason").GetString()!;
        Assert.StartsWith("0 of ", reason, StringComparison.Ordinal);
        Assert.Contains("0 group(s) of differences", reason, StringComparison.Ordinal);
        Assert.Contains(" 40 generated", reason, StringComparison.Ordinal);
        Assert.Contains($"secondary {secondary.BaseAddress}", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DualRun_TargetChangingOneBodyField_FailsNoGoNamingTheField()
    {
        await using var primary = await StartAsync();
        await using var secondary = await StartAsync();
        await using var clean = await StartAsync();
        await using var mutant = await FieldMutantProxy.StartAsync(clean.BaseAddress);
        using var run = new CliRun();
        var code = await RunAsync(run, mutant.BaseAddress, $"primary: \"{primary.BaseAddress}\", secondary: \"{secondary.BaseAddress}\"");
        var gate = Gate(run, "dual-run");
        Assert.True(code == ExitCodes.NoGo, Explain(run, gate));
        Assert.Equal("Fail", gate.GetProperty("status").GetString());
        var evidence = Assert.Single(gate.GetProperty("evidence").EnumerateArray(), e => e.GetProperty("expected").GetString() == "as the primary's");
        Assert.Equal($"POST {FieldMutantProxy.MutatedRoute} {FieldMutantProxy.MutatedField}", evidence.GetProperty("subject").GetString());
        Assert.Equal("as the primary's", evidence.GetProperty("expected").GetString());
        Assert.StartsWith("changed in ", evidence.GetProperty("actual").GetString(), StringComparison.Ordinal);
        Assert.Contains("1 group(s) of differences", gate.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal("Pass", Gate(run, "target-configuration").GetProperty("status").GetString());
        foreach (var file in new[] { "report.md", "report.html" })
        {
            Assert.Contains($"{FieldMutantProxy.MutatedRoute} {FieldMutantProxy.MutatedField}", File.ReadAllText(Path.Combine(run.WorkingDirectory, "out", file)), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task DualRun_NoPrimary_IsNotApplicable()
    {
        await using var candidate = await StartAsync();
        using var run = new CliRun();
        var code = await RunAsync(run, candidate.BaseAddress, "");
        var gate = Gate(run, "dual-run");
        Assert.Equal("NotApplicable", gate.GetProperty("status").GetString());
        Assert.Contains("no primary to compare with", gate.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.True(code == ExitCodes.Go, Explain(run, gate) + " (a not applicable gate neither passes nor blocks; the configuration gate decides)");
    }

    [Fact]
    public async Task DualRun_UnreachablePrimary_IsNotEvaluatedNoGo()
    {
        await using var candidate = await StartAsync();
        using var run = new CliRun();
        var code = await RunAsync(run, candidate.BaseAddress, "primary: \"http://127.0.0.1:9/\"");
        var gate = Gate(run, "dual-run");
        Assert.True(code == ExitCodes.NoGo, Explain(run, gate));
        Assert.Equal("NotEvaluated", gate.GetProperty("status").GetString());
        Assert.Contains("primary http://127.0.0.1:9/ unreachable", gate.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    private static Task<int> RunAsync(CliRun run, Uri target, string parameters)
    {
        var plan = run.Write("plan.yaml", $$"""
            version: 1
            diff:
              requests: 40
            phases:
              - name: warn
                configuration: { mode: warn }
                gates:
                  - { id: dual-run, kind: dual-run, parameters: { {{parameters}} } }
            """);
        return run.RunAsync("--phase", "warn", "--plan", plan, "--target", target.ToString(), "--seed", "7", "--out", "out");
    }

    private static Task<RunningReferenceService> StartAsync() =>
        ReferenceService.StartAsync(ServiceOptions.Default with { Modes = Warn }, CancellationToken.None);

    private static JsonElement Gate(CliRun run, string id)
    {
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(run.WorkingDirectory, "out", "report.json")));
        return report.RootElement.GetProperty("gates").EnumerateArray().Single(g => g.GetProperty("id").GetString() == id).Clone();
    }

    private static string Explain(CliRun run, JsonElement gate) =>
        $"{gate.GetProperty("status").GetString()}: {gate.GetProperty("reason").GetString()}\n{run.Out}{run.Error}";
}
