using Harness.Engine.Gates.Kinds;

namespace Harness.Engine.Gates.Golden;

/// <summary>The parameters of the golden-conformance gate, with their defaults and ranges (<see cref="GateParameterAttribute"/>).</summary>
public sealed record GoldenConformanceOptions
{
    /// <summary>A corpus directory of <c>&lt;endpoint&gt;/&lt;archetype&gt;.json</c>, relative to the plan file; default none: the corpus shipped with the harness.</summary>
    [GateParameter("a corpus directory of <endpoint>/<archetype>.json, relative to the plan file; none: the corpus shipped with the harness")]
    public string? Corpus { get; init; }

    /// <summary>Golden cases needed to judge; default 1.</summary>
    [GateParameter("golden cases needed to judge", Min = 0, Max = 1_000_000)]
    public int MinCases { get; init; } = 1;
}
