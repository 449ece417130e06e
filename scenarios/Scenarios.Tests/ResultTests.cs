using Scenarios.Engine;
using Scenarios.Results;

namespace Scenarios.Tests;

public sealed class ResultTests
{
    [Fact]
    public void Merge_AddsCountersAndHistograms()
    {
        var a = Step("s", [100, 200, 300], statuses: 3);
        var b = Step("s", [400, 500], statuses: 2);
        var merged = new LoadResult([a], 1).Merge(new LoadResult([b], 1)).Steps.Single();
        Assert.Equal(5, merged.Completed);
        Assert.Equal(5, merged.Statuses["200"]);
        Assert.Equal(5, merged.Latency.Sum(p => p[1]));
        Assert.InRange(merged.Percentile(100), 499, 501);
        Assert.InRange(merged.Percentile(50), 299, 301);
    }

    [Fact]
    public void Json_RoundTrip_KeepsEverything()
    {
        var result = new LoadResult([Step("s", [100, 250, 999], statuses: 3)], 42);
        var back = LoadResult.FromJson(result.ToJson());
        Assert.Equal(42, back.Seed);
        var step = back.Steps.Single();
        Assert.Equal(3, step.Completed);
        Assert.Equal(result.Steps[0].Percentile(99), step.Percentile(99));
        Assert.Equal(3, step.Statuses["200"]);
        Assert.Equal(3, step.PerSecond.Single().Completed);
    }

    private static StepResult Step(string name, long[] micros, int statuses)
    {
        var recorder = new LatencyRecorder(TimeSpan.FromSeconds(1));
        foreach (var m in micros)
        {
            recorder.Sent();
            recorder.Answered(m, 0.5, 200, ["X-Stage-Mode: warn"], "ok");
        }

        Assert.Equal(statuses, micros.Length);
        return recorder.ToResult(name, "open 3/s", 3, TimeSpan.FromSeconds(1), _ => 3);
    }
}
