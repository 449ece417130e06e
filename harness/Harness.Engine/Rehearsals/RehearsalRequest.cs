using Flurl.Http;
using Harness.Engine.Plans;
using StageContract;

namespace Harness.Engine.Rehearsals;

/// <summary>What to rehearse, against what.</summary>
public sealed record RehearsalRequest
{
    /// <summary>The plan the phase comes from.</summary>
    public required PhasePlan Plan { get; init; }

    /// <summary>The phase.</summary>
    public required Phase Phase { get; init; }

    /// <summary>Client whose base address is the target.</summary>
    public required HttpClient Http { get; init; }

    /// <summary>The harness's client of the non-hot paths over <see cref="Http"/>; default <see cref="Harness.Engine.Targets.TargetClient.Over"/> of it.</summary>
    public IFlurlClient Client { get => field ??= Harness.Engine.Targets.TargetClient.Over(Http); init; }

    /// <summary>The embedded reference or a URL.</summary>
    public required Harness.Engine.Targets.TargetKind TargetKind { get; init; }

    /// <summary>Seed of all generated traffic; default 1.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The contract oracle; default the shipped data.</summary>
    public ContractRules Rules { get; init; } = ContractRules.Default;

    /// <summary>Secrets for drills; default none (drills then report NotEvaluated).</summary>
    public Harness.Engine.Targets.TargetCredentials Credentials { get; init; } = Harness.Engine.Targets.TargetCredentials.None;

    /// <summary>A capture of real traffic for the readiness gates (absolute path); default none.</summary>
    public string? CapturePath { get; init; }

    /// <summary>The target's database and the migration tool, for the migration gates; default none.</summary>
    public Harness.Engine.Targets.TargetDatabase? Database { get; init; }

    /// <summary>The Prometheus (and Alertmanager) of the rehearsal; default none (gates that need them are then NotEvaluated).</summary>
    public Harness.Engine.Observability.Live.Monitoring? Monitoring { get; init; }

    /// <summary>What the drills can do to the target's Redis and Postgres; default nothing (drills that need it are then NotApplicable).</summary>
    public Harness.Engine.Targets.IDependencyControl? Dependencies { get; init; }

    /// <summary>What the latency drill can do to slow the target's Redis and Postgres; default nothing (the drill is then NotApplicable).</summary>
    public Harness.Engine.Targets.ILatencyControl? Latency { get; init; }

    /// <summary>Where gates keep artifacts (the report directory); default none.</summary>
    public string? ArtifactsDirectory { get; init; }

    /// <summary>Time a single gate may take before it is stopped and reported NotEvaluated; default 5 minutes.</summary>
    public TimeSpan GateTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Gates judged before the run (the promotion ledger's rung check), reported first and counted in the verdict; default none.</summary>
    public IReadOnlyList<Reports.GateReport> PriorGates { get; init; } = [];

    /// <summary>The baseline the baseline-load gates compare with (<c>--baseline</c>); default none.</summary>
    public Gates.Baseline.BaselineMeasurements? Baseline { get; init; }

    /// <summary>Findings the team accepted (<c>--known-findings</c>) and the file they came from; default none.</summary>
    public (IReadOnlyList<Findings.KnownFinding> Findings, string Source)? KnownFindings { get; init; }
}
