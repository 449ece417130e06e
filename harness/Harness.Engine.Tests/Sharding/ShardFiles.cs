using System.Text.Json;
using Harness.Engine.Gates;
using Harness.Engine.Gates.Load;
using Harness.Engine.Plans;
using Harness.Engine.Reports;
using Harness.Engine.Sharding;
using Scenarios.Engine;
using Scenarios.Results;

namespace Harness.Engine.Tests.Sharding;

/// <summary>
/// Shard files of one sustained-error-rate load (300/s, 15 s steady) built in memory, as
/// <c>rehearse load --shard i/n</c> would write them for a target that answers every request:
/// each shard's steps hold exactly its share of the schedule, its latencies spread over 1-20 ms.
/// </summary>
internal static class ShardFiles
{
    public static readonly GateSpec Sustained = new()
    {
        Id = "sustained-error-rate",
        Kind = "sustained-error-rate",
        Parameters = new GateParameters(JsonDocument.Parse("""{"rate": 300, "steadySeconds": 15}""").RootElement),
        Threshold = Threshold.Parse("< 0.5%"),
    };

    public static ILoadGate Gate => (ILoadGate)SustainedErrorRateGate.Create(Sustained).Gate!;

    /// <summary>The n shards; <paramref name="wrong"/> wrong answers (503 for 201) in shard <paramref name="wrongIn"/>'s steady step.</summary>
    public static IReadOnlyList<LoadShardFile> Load(int n, long wrong = 0, int wrongIn = 1, int seed = 1) =>
        [.. Enumerable.Range(1, n).Select(i => Shard(new LoadShard(i, n), i == wrongIn ? wrong : 0, seed))];

    public static LoadShardFile Shard(LoadShard shard, long wrong = 0, int seed = 1)
    {
        var schedule = shard.Schedule(Gate.Shape.Steps);
        var steps = schedule.Select(s => Step(s, shard, s.Name == "steady" ? wrong : 0)).ToList();
        var started = new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero).AddSeconds(0.25 * shard.Index);
        return new LoadShardFile
        {
            Phase = "enforce-100",
            Plan = new ReportPlan("built-in", "ab12cd34ef56", 1),
            Configuration = new PhaseConfiguration { Mode = "enforce" },
            Seed = seed,
            Shard = shard,
            Target = new ReportTarget("url", "http://staging.test/", null),
            Versions = new ReportVersions("1.0.0", 1, "c0ffee", ".NET 10"),
            StartedAt = started,
            FinishedAt = started.AddSeconds(18),
            Gates =
            [
                new LoadShardGate
                {
                    Id = Sustained.Id,
                    Kind = Sustained.Kind,
                    Blocking = true,
                    Parameters = Sustained.Parameters.Json,
                    Threshold = Sustained.Threshold!.Text,
                    StartedAt = started,
                    DurationSeconds = 18,
                    Schedule = schedule,
                    Result = new LoadResult(steps, seed),
                },
            ],
            NotJudged = ["configuration", "error-rate"],
            Source = $"shard-{shard.Index}.json",
        };
    }

    private static StepResult Step(ShardedStep step, LoadShard shard, long wrong)
    {
        var recorder = new LatencyRecorder(TimeSpan.FromSeconds(15));
        for (long i = 0; i < step.Requests; i++)
        {
            recorder.Sent();
            var status = i < wrong ? 503 : 201;
            recorder.Answered(1_000 + ((i * 7_919 + shard.Index * 104_729) % 19_000), (i % 15) + 0.5, status, [$"X-Stage-Mode: {(i % 4 == 0 ? "warn" : "enforce")}"],
                status == 201 ? OpenLoad.Conforming : OpenLoad.ErrorClass(503, 201, "POST /api/allocations"));
        }

        recorder.SendsFinished(step.Name == "steady" ? 15 : 2);
        return recorder.ToResult(step.Name, step.Name == "steady" ? "open 300/s" : "open 0-300/s", 300.0 / shard.Count, TimeSpan.FromSeconds(step.Name == "steady" ? 15 : 2), _ => 300.0 / shard.Count);
    }
}
