using System.Text.Json;
using Harness.Engine.Reports;

namespace Harness.Engine.Sharding;

/// <summary>
/// Whether shard files make up exactly one whole load: the same run (format, plan, phase,
/// configuration, seed, versions, target, gate declarations), every shard 1..n once, and per gate
/// and step the shards' requests summing to the whole schedule with every one of them sent or
/// dropped. Anything else is refused with one line: a partial or mixed set is never merged.
/// </summary>
public static class ShardSetCheck
{
    /// <summary>Null when the files can be merged exactly; else the reason, naming the files.</summary>
    public static string? Problem(IReadOnlyList<LoadShardFile> shards)
    {
        ArgumentNullException.ThrowIfNull(shards);
        if (shards.Count == 0)
        {
            return "no shard files given";
        }

        var first = shards[0];
        foreach (var other in shards.Skip(1))
        {
            if (Difference(first, other) is { } difference)
            {
                return $"{other.Source} and {first.Source} are shards of different loads ({difference}): they cannot be merged";
            }
        }

        var count = first.Shard.Count;
        var duplicate = shards.GroupBy(s => s.Shard.Index).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            return $"shard {duplicate.Key}/{count} given more than once ({string.Join(", ", duplicate.Select(s => s.Source))})";
        }

        var missing = Enumerable.Range(1, count).Except(shards.Select(s => s.Shard.Index)).ToList();
        if (missing.Count > 0)
        {
            return $"missing shard(s) {string.Join(", ", missing.Take(10).Select(i => $"{i}/{count}"))}{(missing.Count > 10 ? $" and {missing.Count - 10} more" : "")}: got {shards.Count} of {count}; a partial set is never merged";
        }

        foreach (var gate in first.Gates)
        {
            if (ScheduleProblem(shards, gate.Id) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    private static string? Difference(LoadShardFile a, LoadShardFile b) =>
        a.Phase != b.Phase ? $"phase {a.Phase} vs {b.Phase}"
        : a.Plan.Sha256 != b.Plan.Sha256 ? $"plan sha256 {Short(a.Plan.Sha256)} vs {Short(b.Plan.Sha256)}"
        : a.Seed != b.Seed ? $"seed {a.Seed} vs {b.Seed}"
        : a.Shard.Count != b.Shard.Count ? $"shard count {a.Shard.Count} vs {b.Shard.Count}"
        : a.Versions.Harness != b.Versions.Harness ? $"harness version {a.Versions.Harness} vs {b.Versions.Harness}"
        : a.Versions.ContractDataSha256 != b.Versions.ContractDataSha256 ? $"contract data sha256 {Short(a.Versions.ContractDataSha256)} vs {Short(b.Versions.ContractDataSha256)}"
        : Json(a.Configuration) != Json(b.Configuration) ? $"configuration {a.Configuration.Describe()} vs {b.Configuration.Describe()}"
        : a.Target.Kind != b.Target.Kind ? $"target {a.Target.Kind} vs {b.Target.Kind}"
        : a.Target.Kind != "embedded" && a.Target.BaseAddress != b.Target.BaseAddress ? $"target {a.Target.BaseAddress} vs {b.Target.BaseAddress}"
        : Declarations(a) != Declarations(b) ? "the load gates' ids, kinds, parameters or thresholds"
        : null;

    private static string? ScheduleProblem(IReadOnlyList<LoadShardFile> shards, string gateId)
    {
        var steps = shards[0].Gates.Single(g => g.Id == gateId).Schedule;
        foreach (var step in steps)
        {
            long requests = 0;
            foreach (var shard in shards)
            {
                var gate = shard.Gates.Single(g => g.Id == gateId);
                var scheduled = gate.Schedule.SingleOrDefault(s => s.Name == step.Name);
                var result = gate.Result.Steps.SingleOrDefault(s => s.Name == step.Name);
                if (scheduled is null || result is null || scheduled.Total != step.Total)
                {
                    return $"{shard.Source}: gate '{gateId}' step '{step.Name}' is missing or has another schedule: not a shard of this load";
                }

                if (result.Sent + result.Dropped != scheduled.Requests)
                {
                    return $"{shard.Source}: gate '{gateId}' step '{step.Name}' sent or dropped {result.Sent + result.Dropped} of its {scheduled.Requests} requests: not a complete shard";
                }

                requests += scheduled.Requests;
            }

            if (requests != step.Total)
            {
                return $"gate '{gateId}' step '{step.Name}': the shards hold {requests} requests of the load's {step.Total}: not one whole load";
            }
        }

        return null;
    }

    private static string Declarations(LoadShardFile shard) =>
        Json(shard.Gates.Select(g => new { g.Id, g.Kind, g.Description, g.Blocking, g.Note, new Plans.GateParameters(g.Parameters).Json, g.Threshold, Steps = g.Schedule.Select(s => new { s.Name, s.Total }) }));

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, ReportJson.Options);

    private static string Short(string sha) => sha[..Math.Min(12, sha.Length)];
}
