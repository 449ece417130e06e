using System.Globalization;
using Harness.Engine.Gates;
using Harness.Engine.Gates.Load;
using Harness.Engine.Plans;
using Harness.Engine.Rehearsals;
using Harness.Engine.Reports;
using Harness.Engine.Targets;
using Scenarios.Engine;

namespace Harness.Engine.Sharding;

/// <summary>
/// Runs one shard of a phase's load: the load of every load gate (<see cref="ILoadGate"/>) of the
/// phase in plan order, each with its share of the rate and its share of the request indexes
/// (<see cref="LoadShard"/>), and returns the raw results as a <see cref="LoadShardFile"/>. Nothing
/// is judged here: a shard alone is not the load the gates judge. Failures (an unreachable target,
/// cancellation) are exceptions: a shard that did not run to its end must leave no file to merge.
/// </summary>
public sealed class LoadShardRunner(GateKindRegistry registry, TimeProvider timeProvider)
{
    /// <summary>The phase's load gates with their declarations, in plan order; throws <see cref="PlanException"/> for an unusable gate.</summary>
    public IReadOnlyList<(GateSpec Spec, ILoadGate Gate)> LoadGates(Phase phase)
    {
        ArgumentNullException.ThrowIfNull(phase);
        var gates = new List<(GateSpec, ILoadGate)>();
        foreach (var spec in phase.Gates)
        {
            var creation = registry.Create(spec);
            if (!creation.Succeeded)
            {
                throw new PlanException($"phase '{phase.Name}': gate '{spec.Id}' ({spec.Kind}): {creation.Error}");
            }

            if (creation.Gate is ILoadGate load)
            {
                gates.Add((spec, load));
            }
        }

        return gates;
    }

    /// <summary>Runs <paramref name="shard"/> of the load of <paramref name="request"/>'s phase; progress lines go to <paramref name="progress"/>.</summary>
    public async Task<LoadShardFile> RunAsync(RehearsalRequest request, LoadShard shard, TextWriter progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(shard);
        ArgumentNullException.ThrowIfNull(progress);
        var gates = LoadGates(request.Phase);
        if (gates.Count == 0)
        {
            throw new PlanException($"phase '{request.Phase.Name}' has no load gate: none of its gates runs an open-model load, so there is nothing to shard");
        }

        var started = timeProvider.GetUtcNow();
        var values = RehearsalRunner.ValuesFor(request);
        var results = new List<LoadShardGate>();
        foreach (var (spec, gate) in gates)
        {
            var schedule = shard.Schedule(gate.Shape.Steps);
            await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"shard {shard}: {spec.Id}: {gate.Shape.Rate / shard.Count:0.###}/s (1/{shard.Count} of {gate.Shape.Rate:0.###}/s) over {gate.Shape.WarmupSeconds:0.#}s warm-up, {gate.Shape.RampSeconds:0.#}s ramp, {gate.Shape.SteadySeconds:0.#}s steady; {schedule.Sum(s => s.Requests)} of {schedule.Sum(s => s.Total)} measured requests")).ConfigureAwait(false);
            var context = RehearsalRunner.ContextFor(request, spec, values, timeProvider);
            var gateStarted = timeProvider.GetUtcNow();
            var begin = timeProvider.GetTimestamp();
            var result = await OpenLoad.RunAsync(context, gate.Shape, shard, cancellationToken).ConfigureAwait(false);
            results.Add(new LoadShardGate
            {
                Id = spec.Id,
                Kind = spec.Kind,
                Description = spec.Description,
                Blocking = spec.Blocking,
                Note = spec.Note,
                Parameters = spec.Parameters.Json,
                Threshold = spec.Threshold?.Text,
                StartedAt = gateStarted,
                DurationSeconds = Math.Round(timeProvider.GetElapsedTime(begin).TotalSeconds, 3),
                Schedule = schedule,
                Result = result,
            });
        }

        return new LoadShardFile
        {
            Phase = request.Phase.Name,
            PhaseDescription = request.Phase.Description,
            Plan = new ReportPlan(request.Plan.Source, request.Plan.Sha256, request.Plan.Version),
            Configuration = request.Phase.Configuration,
            Seed = request.Seed,
            Shard = shard,
            Target = new ReportTarget(request.TargetKind.ToWire(), request.Http.BaseAddress?.ToString() ?? "", null),
            Versions = HarnessVersions.For(request.Rules),
            StartedAt = started,
            FinishedAt = timeProvider.GetUtcNow(),
            Gates = results,
            NotJudged = [.. request.Phase.Gates.Select(g => g.Id).Except(results.Select(g => g.Id), StringComparer.Ordinal)],
        };
    }
}
