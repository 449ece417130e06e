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

    /// <summary>The phases, in plan order.</summary>
    public required IReadOnlyList<Phase> Phases { get; init; }

    /// <summary>The phase with this name (ordinal), or null.</summary>
    public Phase? Find(string name) => Phases.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));
}
