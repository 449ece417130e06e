using System.Collections.Immutable;
using Harness.Engine.Gates.Kinds;
using Harness.Engine.Plans;

namespace Harness.Engine.Gates;

/// <summary>Builds a gate from its spec, or says why the spec's parameters are unusable.</summary>
public delegate GateCreation GateFactory(GateSpec spec);

/// <summary>
/// The gate kinds a harness knows. Each is a <see cref="GateKind"/> that declares its options,
/// threshold and needs (a plain <see cref="GateFactory"/> can be added too, for kinds of a team's own
/// or of tests). Immutable: <c>With</c> returns a new registry, so new kinds plug in without touching
/// the engine. A kind the registry does not know is a plan error, reported before any traffic is sent.
/// </summary>
public sealed class GateKindRegistry
{
    private readonly ImmutableSortedDictionary<string, GateFactory> _factories;
    private readonly ImmutableSortedDictionary<string, GateKind> _described;

    private GateKindRegistry(ImmutableSortedDictionary<string, GateFactory> factories, ImmutableSortedDictionary<string, GateKind> described)
    {
        _factories = factories;
        _described = described;
    }

    /// <summary>A registry with no kinds.</summary>
    public static GateKindRegistry Empty { get; } = new(
        ImmutableSortedDictionary.Create<string, GateFactory>(StringComparer.Ordinal),
        ImmutableSortedDictionary.Create<string, GateKind>(StringComparer.Ordinal));

    /// <summary>The implemented kinds, sorted.</summary>
    public IEnumerable<string> Kinds => _factories.Keys;

    /// <summary>The kinds that describe themselves, sorted by name.</summary>
    public IEnumerable<GateKind> Described => _described.Values;

    /// <summary>A registry that also (or instead) builds <paramref name="kind"/> with <paramref name="factory"/>.</summary>
    public GateKindRegistry With(string kind, GateFactory factory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentNullException.ThrowIfNull(factory);
        return new(_factories.SetItem(kind, factory), _described.Remove(kind));
    }

    /// <summary>A registry that also (or instead) knows <paramref name="kind"/>.</summary>
    public GateKindRegistry With(GateKind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return new(_factories.SetItem(kind.Name, kind.Create), _described.SetItem(kind.Name, kind));
    }

    /// <summary>True when the kind has a factory.</summary>
    public bool IsImplemented(string kind) => _factories.ContainsKey(kind);

    /// <summary>The kind's declaration, or null for an unknown kind or one added as a plain factory.</summary>
    public GateKind? Describe(string kind) => _described.GetValueOrDefault(kind);

    /// <summary>Builds the gate; an unknown kind is an error naming the known ones.</summary>
    public GateCreation Create(GateSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return _factories.TryGetValue(spec.Kind, out var factory)
            ? factory(spec)
            : GateCreation.Invalid($"unknown gate kind '{spec.Kind}' (this harness knows: {string.Join(", ", Kinds)})");
    }
}
