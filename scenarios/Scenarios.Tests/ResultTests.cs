using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
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

    /// <summary>
    /// Merging shards is exact at the histogram's resolution: the merged step has the percentiles of
    /// one histogram that recorded every shard's answers, and the counts of all of them.
    /// </summary>
    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 200)]
    public void Merge_AnyShardsOfAnyLatencies_HaveThePercentilesOfOneHistogramOfThemAll(Latencies latencies, PositiveInt shards)
    {
        var n = 1 + (shards.Get % 7);
        var all = Record(latencies.Micros);
        var merged = Enumerable.Range(0, n)
            .Select(k => Record([.. latencies.Micros.Where((_, i) => i % n == k)]))
            .Aggregate((a, b) => a.Merge(b));
        Assert.Equal(all.Completed, merged.Completed);
        Assert.Equal(all.Statuses, merged.Statuses);
        foreach (var percentile in new[] { 0.0, 1, 50, 90, 99, 99.9, 100 })
        {
            Assert.Equal(all.Percentile(percentile), merged.Percentile(percentile));
        }

        Assert.Equal(all.Latency.Select(p => (p[0], p[1])), merged.Latency.Select(p => (p[0], p[1])));
    }

    private static StepResult Record(long[] micros)
    {
        var recorder = new LatencyRecorder(TimeSpan.FromSeconds(1));
        foreach (var m in micros)
        {
            recorder.Sent();
            recorder.Answered(m, 0.5, 200, [], null);
        }

        return recorder.ToResult("steady", "open 1/s", 1, TimeSpan.FromSeconds(1), _ => 1);
    }

    /// <summary>Latencies in microseconds, from 1 µs to the recorder's 60 s, spread over every order of magnitude.</summary>
    public sealed record Latencies(long[] Micros);

    public static class Arbitraries
    {
        public static Arbitrary<Latencies> Latencies() =>
            Gen.Choose(0, 7).SelectMany(digits => Gen.Choose(1, 999_999).Select(v => Math.Clamp((long)(v * Math.Pow(10, digits - 5)), 1, LatencyRecorder.HighestMicros)))
                .ArrayOf().Select(m => new Latencies(m)).ToArbitrary();
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
