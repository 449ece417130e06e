using System.Diagnostics.CodeAnalysis;

namespace Harness.Engine.Gates;

/// <summary>A gate built from its spec, or why its parameters are unusable.</summary>
public readonly record struct GateCreation(IGate? Gate, string? Error)
{
    /// <summary>True when <see cref="Gate"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Gate))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Gate is not null;

    /// <summary>A built gate.</summary>
    public static GateCreation Of(IGate gate) => new(gate, null);

    /// <summary>Unusable parameters.</summary>
    public static GateCreation Invalid(string error) => new(null, error);
}
