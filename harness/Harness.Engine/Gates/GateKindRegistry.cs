using System.Collections.Immutable;
using Harness.Engine.Plans;

namespace Harness.Engine.Gates;

/// <summary>Builds a gate from its spec, or says why the spec's parameters are unusable.</summary>
public delegate GateCreation GateFactory(GateSpec spec);

/// <summary>
/// Maps gate kinds to factories. Immutable: <see cref="With"/> returns a new registry, so the load,
/// migration and drill gates of later versions plug in without touching the engine. A kind with
/// no factory becomes a <see cref="NotImplementedGate"/>, which can never pass.
/// </summary>
public sealed class GateKindRegistry
{
    private readonly ImmutableSortedDictionary<string, GateFactory> _factories;

    private GateKindRegistry(ImmutableSortedDictionary<string, GateFactory> factories) => _factories = factories;

    /// <summary>A registry with no kinds.</summary>
    public static GateKindRegistry Empty { get; } = new(ImmutableSortedDictionary.Create<string, GateFactory>(StringComparer.Ordinal));

    /// <summary>The implemented kinds, sorted.</summary>
    public IEnumerable<string> Kinds => _factories.Keys;

    /// <summary>A registry that also (or instead) builds <paramref name="kind"/> with <paramref name="factory"/>.</summary>
    public GateKindRegistry With(string kind, GateFactory factory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentNullException.ThrowIfNull(factory);
        return new(_factories.SetItem(kind, factory));
    }

    /// <summary>True when the kind has a factory.</summary>
    public bool IsImplemented(string kind) => _factories.ContainsKey(kind);

    /// <summary>Builds the gate; an unknown kind yields a <see cref="NotImplementedGate"/>.</summary>
    public GateCreation Create(GateSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return _factories.TryGetValue(spec.Kind, out var factory)
            ? factory(spec)
            : GateCreation.Of(new NotImplementedGate(spec.Kind));
    }
}
