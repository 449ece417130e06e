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

    /// <summary>The gates, in the order they run.</summary>
    public required IReadOnlyList<GateSpec> Gates { get; init; }
}
