namespace Harness.Engine.Plans;

/// <summary>A set of phases loaded from a YAML plan.</summary>
public sealed record PhasePlan
{
    /// <summary>Plan schema version; only 1 is understood.</summary>
    public int Version { get; init; } = 1;

    /// <summary>Where the plan came from: <c>built-in</c> or a file path.</summary>
    public required string Source { get; init; }

    /// <summary>Lower-case hex SHA-256 of the plan text, recorded in every report.</summary>
    public required string Sha256 { get; init; }

    /// <summary>Directory that relative paths in gate parameters resolve against; null for the built-in plan.</summary>
    public string? BaseDirectory { get; init; }

    /// <summary>The target's own sunset and docs URL when the plan declares them (<c>contract:</c>); null: learned from the target.</summary>
    public PlanContract? Contract { get; init; }

    /// <summary>How the rehearsal's Prometheus judges time (<c>observability:</c>); default short rehearsal windows.</summary>
    public Observability.Live.ObservabilitySettings Observability { get; init; } = Harness.Engine.Observability.Live.ObservabilitySettings.Default;

    /// <summary>How <c>rehearse diff</c> runs and judges a dual run (<c>diff:</c>); null: the defaults of <see cref="Harness.Engine.Diff.DiffSettings"/>.</summary>
    public Harness.Engine.Diff.DiffSettings? Diff { get; init; }

    /// <summary>The phases, in plan order.</summary>
    public required IReadOnlyList<Phase> Phases { get; init; }

    /// <summary>How old a GO of the required rung may be in the promotion ledger (the plan's <c>ledger: maxAge</c>); default 7 days.</summary>
    public TimeSpan LedgerMaxAge { get; init; } = DefaultLedgerMaxAge;

    /// <summary>Default of <see cref="LedgerMaxAge"/>: a week, so a ladder climbed over a week needs no re-rehearsal of the rung below.</summary>
    public static readonly TimeSpan DefaultLedgerMaxAge = TimeSpan.FromDays(7);

    /// <summary>The rung <paramref name="phase"/> requires (its <see cref="Phase.Requires"/>, else the phase before it); null when none.</summary>
    public Phase? RequiredRung(Phase phase)
    {
        ArgumentNullException.ThrowIfNull(phase);
        if (phase.Requires == Phase.NoRung)
        {
            return null;
        }

        if (phase.Requires is { } named)
        {
            return Find(named);
        }

        var index = Phases.ToList().FindIndex(p => p.Name == phase.Name);
        return index > 0 ? Phases[index - 1] : null;
    }

    /// <summary>The phase with this name (ordinal), or null.</summary>
    public Phase? Find(string name) => Phases.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));
}
