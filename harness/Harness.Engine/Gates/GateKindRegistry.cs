using System.Collections.Immutable;
using Harness.Engine.Plans;

namespace Harness.Engine.Gates;

/// <summary>Builds a gate from its spec, or says why the spec's parameters are unusable.</summary>
public delegate GateCreation GateFactory(GateSpec spec);

/// <summary>
/// Maps gate kinds to factories and the unit of their thresholds. Immutable: <c>With</c> returns a
/// new registry, so new kinds plug in without touching the engine. A kind with no factory is a plan
/// error, reported before any traffic is sent.
/// </summary>
public sealed class GateKindRegistry
{
    private readonly ImmutableSortedDictionary<string, GateFactory> _factories;
    private readonly ImmutableSortedDictionary<string, (ThresholdUnit Unit, string Example)> _units;

    private GateKindRegistry(ImmutableSortedDictionary<string, GateFactory> factories, ImmutableSortedDictionary<string, (ThresholdUnit, string)> units)
    {
        _factories = factories;
        _units = units;
    }

    /// <summary>A registry with no kinds.</summary>
    public static GateKindRegistry Empty { get; } = new(
        ImmutableSortedDictionary.Create<string, GateFactory>(StringComparer.Ordinal),
        ImmutableSortedDictionary.Create<string, (ThresholdUnit, string)>(StringComparer.Ordinal));

    /// <summary>The implemented kinds, sorted.</summary>
    public IEnumerable<string> Kinds => _factories.Keys;

    /// <summary>A registry that also (or instead) builds <paramref name="kind"/> with <paramref name="factory"/>.</summary>
    public GateKindRegistry With(string kind, GateFactory factory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentNullException.ThrowIfNull(factory);
        return new(_factories.SetItem(kind, factory), _units.Remove(kind));
    }

    /// <summary>
    /// A registry that also builds <paramref name="kind"/>, whose threshold measures <paramref name="unit"/>:
    /// a plan threshold written in another unit is refused before the factory runs (<c>&lt; 1</c> on a
    /// share would otherwise mean 100 %).
    /// </summary>
    public GateKindRegistry With(string kind, GateFactory factory, ThresholdUnit unit, string example)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentNullException.ThrowIfNull(factory);
        return new(_factories.SetItem(kind, factory), _units.SetItem(kind, (unit, example)));
    }

    /// <summary>True when the kind has a factory.</summary>
    public bool IsImplemented(string kind) => _factories.ContainsKey(kind);

    /// <summary>Builds the gate; an unknown kind or a threshold in the wrong unit is an error naming it.</summary>
    public GateCreation Create(GateSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (!_factories.TryGetValue(spec.Kind, out var factory))
        {
            return GateCreation.Invalid($"unknown gate kind '{spec.Kind}' (this harness knows: {string.Join(", ", Kinds)})");
        }

        return _units.TryGetValue(spec.Kind, out var unit) && GateChecks.Unit(spec, unit.Unit, unit.Example) is { } wrongUnit
            ? GateCreation.Invalid(wrongUnit)
            : factory(spec);
    }
}
