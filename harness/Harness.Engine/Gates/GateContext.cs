using Flurl.Http;
using Harness.Engine.Plans;
using StageContract;

namespace Harness.Engine.Gates;

/// <summary>Everything a gate may use: the target, the phase, the contract oracle, time and the seed.</summary>
public sealed record GateContext
{
    /// <summary>Client whose <see cref="HttpClient.BaseAddress"/> is the target.</summary>
    public required HttpClient Http { get; init; }

    /// <summary>
    /// The harness's client of the non-hot paths (probes, drills, ops API, scrapes, golden corpus), over
    /// <see cref="Http"/>; default <see cref="Harness.Engine.Targets.TargetClient.Over"/> of it. The raw
    /// <see cref="Http"/> stays for the hot paths (load, latency sampling).
    /// </summary>
    public IFlurlClient Client { get => field ??= Harness.Engine.Targets.TargetClient.Over(Http); init; }

    /// <summary>The phase being rehearsed.</summary>
    public required Phase Phase { get; init; }

    /// <summary>This gate's declaration.</summary>
    public required GateSpec Spec { get; init; }

    /// <summary>The contract's rules, the oracle every expectation comes from; default the shipped data.</summary>
    public ContractRules Rules { get; init; } = ContractRules.Default;

    /// <summary>The target's sunset and docs URL: declared by the plan or learned from its first deprecation set; one instance per rehearsal.</summary>
    public required Harness.Engine.Targets.DeprecationValues DeprecationValues { get; init; }

    /// <summary>Secrets for drills (webhook key or token, ops token); default none.</summary>
    public Harness.Engine.Targets.TargetCredentials Credentials { get; init; } = Harness.Engine.Targets.TargetCredentials.None;

    /// <summary>A capture of real traffic given on the command line (absolute path), used by readiness gates without a <c>capture</c> parameter; default none.</summary>
    public string? CapturePath { get; init; }

    /// <summary>The embedded reference (started by the harness) or a URL; default a URL.</summary>
    public Harness.Engine.Targets.TargetKind TargetKind { get; init; } = Harness.Engine.Targets.TargetKind.Url;

    /// <summary>The target's database and the migration tool, for the migration gates; default none (they are then NotEvaluated).</summary>
    public Harness.Engine.Targets.TargetDatabase? Database { get; init; }

    /// <summary>What drills can do to the target's Redis and Postgres; default nothing (the needs check keeps drills that need it from running).</summary>
    public Harness.Engine.Targets.IDependencyControl? Dependencies { get; init; }

    /// <summary>What the latency drill can do to slow the target's Redis and Postgres; default nothing (the needs check keeps the drill from running).</summary>
    public Harness.Engine.Targets.ILatencyControl? Latency { get; init; }

    /// <summary>Where gates keep files worth keeping with the report (migration plan, verify report, snapshot); default none (a temporary directory).</summary>
    public string? ArtifactsDirectory { get; init; }

    /// <summary>The Prometheus (and Alertmanager) of the rehearsal, for the PromQL gates and the alert-chain drill; default none.</summary>
    public Harness.Engine.Observability.Live.Monitoring? Monitoring { get; init; }

    /// <summary>Clock; default the system clock.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Seed of the rehearsal; gates derive their own <see cref="Random"/> from it with <see cref="RandomFor"/>.</summary>
    public int Seed { get; init; }

    /// <summary>The baseline to compare with (<c>--baseline</c>); null when none was given.</summary>
    public Baseline.BaselineMeasurements? Baseline { get; init; }

    /// <summary>The plan's <c>diff:</c> section (ignore rules, expectations, writes, threshold, confidence), for the dual-run gate; null when the plan has none (the defaults of <see cref="Harness.Engine.Diff.DiffSettings"/>).</summary>
    public Harness.Engine.Diff.DiffSettings? Diff { get; init; }

    /// <summary>Directory that relative paths in parameters resolve against; default the current directory.</summary>
    public string BaseDirectory { get; init; } = ".";

    /// <summary>A generator seeded by the rehearsal seed and the gate id, so that each gate's traffic is reproducible on its own.</summary>
    public Random RandomFor()
    {
        var hash = 17;
        foreach (var c in Spec.Id)
        {
            hash = unchecked((hash * 31) + c);
        }

        return new Random(unchecked(Seed ^ hash));
    }
}
