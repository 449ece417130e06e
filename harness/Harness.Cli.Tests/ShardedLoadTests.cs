using System.Text.Json;
using Harness.Engine.Gates.Load;
using Harness.Engine.Sharding;
using ReferenceImpl.Api.Hosting;
using Scenarios.Results;
using StageContract.Modes;
using Xunit.Abstractions;

namespace Harness.Cli.Tests;

/// <summary>
/// <c>rehearse load --shard</c> x 3 as processes of their own, side by side against one reference
/// service, then <c>rehearse merge</c>, against one unsharded run with the same seed. What must match
/// exactly is what does not depend on timing: the request set (every scheduled request sent or dropped,
/// once), and, with every request answered, the statuses, classes and X-Stage-Mode tallies (at 25 %
/// enforcement both modes appear, so the tallies hold every request id to its bucket). Latencies of two
/// runs differ, so the merge itself is held to exactness: the judged percentile is that of one
/// histogram of all the shards' answers.
/// </summary>
[Collection(LoadJudging.Name)]
public sealed class ShardedLoadTests(ITestOutputHelper output)
{
    private const string Plan = """
        version: 1
        phases:
          - name: load-25
            description: enforce at 25 % under load
            configuration: { mode: enforce, enforcementPercent: 25 }
            gates:
              - id: configuration
                kind: configuration-conformance
              - id: sustained
                kind: sustained-error-rate
                parameters: { rate: 90, steadySeconds: 3 }
                threshold: "< 0.5%"
              - id: latency
                kind: latency-under-load
                parameters: { rate: 90, rampSeconds: 0, steadySeconds: 2, warmupSeconds: 0, minSamples: 50 }
                threshold: "<= 250ms"
        """;

    [Fact]
    public async Task LoadAndMerge_ThreeShardProcesses_ReproduceTheUnshardedRunsCountsExactly()
    {
        var modes = new ModeSettings { GlobalMode = ValidationMode.Enforce, EnforcementPercent = 25 };
        await using var service = await ReferenceService.StartAsync(ServiceOptions.Default with { Modes = modes }, CancellationToken.None);
        using var run = new CliRun();
        var plan = run.Write("plan.yaml", Plan);
        string[] load = ["load", "--phase", "load-25", "--plan", plan, "--target", service.BaseAddress.ToString(), "--seed", "7"];
        var shards = await Task.WhenAll(Enumerable.Range(1, 3).Select(i => RehearseProcess.RunAsync(run.WorkingDirectory, [.. load, "--shard", $"{i}/3", "--out", $"shard-{i}.json"])));
        Assert.All(shards, s => Assert.True(s.Code == ExitCodes.Go, s.Output));
        var single = await RehearseProcess.RunAsync(run.WorkingDirectory, [.. load, "--out", "single.json"]);
        Assert.True(single.Code == ExitCodes.Go, single.Output);

        Assert.Equal(ExitCodes.HarnessOrUsageError, await run.RunAsync("merge", "shard-1.json", "shard-3.json", "--out", "partial"));
        Assert.Equal("rehearse: merge refused: missing shard(s) 2/3: got 2 of 3; a partial set is never merged", run.Error.TrimEnd());
        Assert.False(Directory.Exists(Path.Combine(run.WorkingDirectory, "partial")));
        Assert.NotEqual(ExitCodes.HarnessOrUsageError, await run.RunAsync("merge", "shard-3.json", "shard-1.json", "shard-2.json", "--out", "merged"));

        var parts = Enumerable.Range(1, 3).Select(i => Read($"shard-{i}.json")).ToList();
        var whole = Read("single.json");
        Assert.Equal(["sustained", "latency"], whole.Gates.Select(g => g.Id));
        foreach (var gate in whole.Gates)
        {
            var shardResults = parts.Select(p => p.Gates.Single(g => g.Id == gate.Id).Result).ToList();
            var merged = shardResults.Skip(1).Aggregate(shardResults[0], (sum, r) => sum.Merge(r));
            foreach (var step in gate.Result.Steps)
            {
                var total = gate.Schedule.Single(s => s.Name == step.Name).Total;
                var mergedStep = merged.Steps.Single(s => s.Name == step.Name);
                var what = $"{gate.Id}/{step.Name}";
                output.WriteLine($"{what}: scheduled {total}; single sent {step.Sent} dropped {step.Dropped} answered {step.Completed} [{string.Join(", ", step.Statuses)}] [{string.Join(", ", step.Headers)}]; "
                    + $"3 shards sent {string.Join("+", shardResults.Select(r => r.Steps.Single(s => s.Name == step.Name).Sent))} dropped {mergedStep.Dropped} answered {mergedStep.Completed} [{string.Join(", ", mergedStep.Statuses)}] [{string.Join(", ", mergedStep.Headers)}]; "
                    + $"p99 single {step.Percentile(99)} us, merged {mergedStep.Percentile(99)} us");
                Assert.Equal(total, step.Sent + step.Dropped);
                Assert.Equal(total, mergedStep.Sent + mergedStep.Dropped);
                Assert.True(step.Dropped + step.TransportErrors + mergedStep.Dropped + mergedStep.TransportErrors == 0,
                    $"{what}: a request went unanswered (single: {step.Dropped} dropped, {step.TransportErrors} failed; shards: {mergedStep.Dropped}, {mergedStep.TransportErrors}), so the tallies cannot be compared");
                Assert.Equal(Sorted(step.Statuses), Sorted(mergedStep.Statuses));
                Assert.Equal(Sorted(step.Classes), Sorted(mergedStep.Classes));
                Assert.Equal(Sorted(step.Headers), Sorted(mergedStep.Headers));
                Assert.True(step.Headers.ContainsKey("X-Stage-Mode: warn") && step.Headers.ContainsKey("X-Stage-Mode: enforce"), $"{what}: {string.Join(", ", step.Headers)}");
                Assert.Equal(step.Completed, step.Classes.GetValueOrDefault(OpenLoad.Conforming));

                var oneHistogram = StepResult.ToHistogram(shardResults.SelectMany(r => r.Steps.Single(s => s.Name == step.Name).Latency));
                foreach (var percentile in new[] { 50, 90, 99, 99.9, 100 })
                {
                    Assert.Equal(oneHistogram.GetValueAtPercentile(percentile), mergedStep.Percentile(percentile));
                }
            }
        }

        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(run.WorkingDirectory, "merged", "report.json")));
        var judged = report.RootElement.GetProperty("gates").EnumerateArray().ToDictionary(g => g.GetProperty("id").GetString()!, g => g.Clone());
        Assert.Equal(["sustained", "latency"], judged.Keys);
        var steady = parts.Select(p => p.Gates.Single(g => g.Id == "latency").Result).Aggregate((a, b) => a.Merge(b)).Steps.Single(s => s.Name == "steady");
        Assert.Equal(LatencyUnderLoadGate.Percentile(steady, 99), judged["latency"].GetProperty("value").GetDouble());
        Assert.Equal(270, judged["sustained"].GetProperty("sampleSize").GetInt32());
        Assert.Contains("not judged by merge: configuration", report.RootElement.GetProperty("verdictReason").GetString(), StringComparison.Ordinal);

        LoadShardFile Read(string name) => LoadShardJson.Read(File.ReadAllText(Path.Combine(run.WorkingDirectory, name)), name);
    }

    private static List<KeyValuePair<string, long>> Sorted(IReadOnlyDictionary<string, long> tally) => [.. tally.OrderBy(p => p.Key, StringComparer.Ordinal)];
}
