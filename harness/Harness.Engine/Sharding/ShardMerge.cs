using System.Globalization;
using Harness.Engine.Gates;
using Harness.Engine.Gates.Load;
using Harness.Engine.Plans;
using Harness.Engine.Reports;
using Harness.Engine.Verdicts;
using Scenarios.Results;

namespace Harness.Engine.Sharding;

/// <summary>
/// Merges the shard files of one load (<see cref="ShardSetCheck"/> first: anything that cannot be
/// merged exactly is refused) and judges each load gate on its merged result with the gate's own
/// judgement (<see cref="ILoadGate.Judge"/>), the one its rehearsal uses. Counters and tallies add;
/// latency histograms are re-recorded from their value/count pairs, so every percentile is the one a
/// single histogram of all the shards' answers gives. Only the load gates are judged: the phase's
/// other gates are named in the report as not judged by a merge.
/// </summary>
public sealed class ShardMerge(GateKindRegistry registry)
{
    /// <summary>Merges and judges <paramref name="shards"/>: a pure function of the files.</summary>
    public ShardMergeOutcome Merge(IReadOnlyList<LoadShardFile> shards)
    {
        ArgumentNullException.ThrowIfNull(shards);
        if (ShardSetCheck.Problem(shards) is { } problem)
        {
            return ShardMergeOutcome.Refused(problem);
        }

        var ordered = shards.OrderBy(s => s.Shard.Index).ToList();
        var first = ordered[0];
        var reports = new List<GateReport>();
        foreach (var declared in first.Gates)
        {
            var spec = Spec(declared, out var error);
            if (spec is null)
            {
                return ShardMergeOutcome.Refused($"gate '{declared.Id}' ({declared.Kind}): {error}");
            }

            var creation = registry.Create(spec);
            if (!creation.Succeeded || creation.Gate is not ILoadGate gate)
            {
                return ShardMergeOutcome.Refused($"gate '{declared.Id}' ({declared.Kind}): {(creation.Succeeded ? "not a load gate in this harness version" : creation.Error)}");
            }

            var parts = ordered.Select(s => s.Gates.Single(g => g.Id == declared.Id)).ToList();
            var merged = parts.Skip(1).Aggregate(parts[0].Result, (sum, part) => sum.Merge(part.Result));
            var result = JudgeSafely(gate, merged, spec);
            var spread = (parts.Max(p => p.StartedAt) - parts.Min(p => p.StartedAt)).TotalSeconds;
            result = result with
            {
                Reason = result.Reason + string.Create(CultureInfo.InvariantCulture,
                    $"; merged from {ordered.Count} shard(s), whose loads started within {spread:0.###}s of each other"),
            };
            result = result.WithEvidence([.. result.Evidence, .. ordered.Zip(parts, (s, p) => ShardEvidence(s, p, parts.Min(q => q.StartedAt)))]);
            reports.Add(GateReport.From(spec, result, TimeSpan.FromSeconds(parts.Max(p => p.DurationSeconds))));
        }

        var verdict = VerdictRules.Decide(reports.Select(r => (r.Decides(), r.Status)));
        var notJudged = first.NotJudged.Count == 0 ? "" : $"; not judged by merge: {string.Join(", ", first.NotJudged)} (rehearse the phase for them: 'rehearse --phase {first.Phase}')";
        return new ShardMergeOutcome(new RehearsalReport
        {
            Phase = first.Phase,
            PhaseDescription = $"{ordered.Count} load shard(s) merged: merge judges only the phase's load gates ({string.Join(", ", reports.Select(r => r.Id))}){notJudged}"
                + (first.PhaseDescription.Length > 0 ? $". Phase: {first.PhaseDescription}" : ""),
            Verdict = verdict,
            VerdictReason = VerdictReasons.Explain(verdict, reports) + $"; merge judged the load gates only, on {ordered.Count} shard(s) merged{notJudged}",
            StartedAt = ordered.Min(s => s.StartedAt),
            FinishedAt = ordered.Max(s => s.FinishedAt),
            Seed = first.Seed,
            Versions = first.Versions,
            Target = first.Target.Kind == "embedded"
                ? new ReportTarget("embedded", $"one embedded reference service per shard ({ordered.Count})", null)
                : new ReportTarget(first.Target.Kind, first.Target.BaseAddress, null),
            Plan = first.Plan,
            Configuration = first.Configuration,
            Gates = reports,
        }, null);
    }

    private static GateSpec? Spec(LoadShardGate gate, out string? error)
    {
        Threshold? threshold = null;
        error = null;
        if (gate.Threshold is not null && !Threshold.TryParse(gate.Threshold, out threshold, out error))
        {
            return null;
        }

        return new GateSpec
        {
            Id = gate.Id,
            Kind = gate.Kind,
            Description = gate.Description,
            Parameters = new GateParameters(gate.Parameters),
            Threshold = threshold,
            Blocking = gate.Blocking,
            Note = gate.Note,
        };
    }

    private static GateResult JudgeSafely(ILoadGate gate, LoadResult merged, GateSpec spec)
    {
        try
        {
            return gate.Judge(merged, spec.Threshold!);
        }
#pragma warning disable CA1031 // A gate's bug must end as NotEvaluated, never abort the other gates or pass.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return GateResult.NotEvaluated(spec.Kind, $"gate failed to judge the merged result: {e.GetType().Name}: {e.Message}", spec.Threshold?.Text ?? "");
        }
    }

    private static Evidence ShardEvidence(LoadShardFile shard, LoadShardGate part, DateTimeOffset earliest)
    {
        var sent = part.Result.Steps.Sum(s => s.Sent);
        var dropped = part.Result.Steps.Sum(s => s.Dropped);
        return new Evidence(
            $"shard {shard.Shard} ({Path.GetFileName(shard.Source)})",
            string.Create(CultureInfo.InvariantCulture, $"{part.Schedule.Sum(s => s.Requests)} of the load's {part.Schedule.Sum(s => s.Total)} measured requests"),
            string.Create(CultureInfo.InvariantCulture,
                $"sent {sent}, dropped {dropped}, answered {part.Result.Steps.Sum(s => s.Completed)}, {part.Result.Steps.Sum(s => s.TransportErrors)} transport failures, {part.Result.Steps.Sum(s => s.Late)} late"),
            string.Create(CultureInfo.InvariantCulture, $"load started +{(part.StartedAt - earliest).TotalSeconds:0.###}s, took {part.DurationSeconds:0.###}s, target {shard.Target.BaseAddress}"));
    }
}
