namespace Harness.Engine.Plans;

/// <summary>A rung of the rollout: the configuration the target runs under and the gates that decide it.</summary>
public sealed record Phase
{
    /// <summary>Name used on the command line, for example <c>staging-warn</c>.</summary>
    public required string Name { get; init; }

    /// <summary>One line; default empty.</summary>
    public string Description { get; init; } = "";

    /// <summary>The configuration the target must run with.</summary>
    public required PhaseConfiguration Configuration { get; init; }

    /// <summary>
    /// The rung that must have been GO for the same target before this phase may be promoted, when a
    /// promotion ledger is kept (<c>--ledger</c>): null means the phase before it in the plan (none for
    /// the first); <see cref="NoRung"/> means none. Set by the phase's <c>requires:</c> key.
    /// </summary>
    public string? Requires { get; init; }

    /// <summary>Value of <see cref="Requires"/> (and of <c>requires:</c>) for a phase that needs no earlier rung.</summary>
    public const string NoRung = "none";

    /// <summary>The gates, in the order they run.</summary>
    public required IReadOnlyList<GateSpec> Gates { get; init; }
}
