namespace Harness.Engine.Plans;

/// <summary>One gate of a phase, as the plan declares it.</summary>
public sealed record GateSpec
{
    /// <summary>Unique within its phase; the JUnit test case name.</summary>
    public required string Id { get; init; }

    /// <summary>The gate kind, looked up in the gate-kind registry.</summary>
    public required string Kind { get; init; }

    /// <summary>What the gate checks, in one line; default empty.</summary>
    public string Description { get; init; } = "";

    /// <summary>Kind-specific parameters; default none.</summary>
    public GateParameters Parameters { get; init; } = GateParameters.Empty;

    /// <summary>The pass condition; default none (the kind then uses its own, stated in its result).</summary>
    public Threshold? Threshold { get; init; }

    /// <summary>Whether the gate decides the verdict; default true (a plan has to say a gate is advisory).</summary>
    public bool Blocking { get; init; } = true;

    /// <summary>Free text shown in reports, for example which issue makes an advisory gate blocking; default none.</summary>
    public string? Note { get; init; }
}
