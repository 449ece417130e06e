using System.Globalization;

namespace Harness.Engine.Plans;

/// <summary>
/// The mode configuration a phase runs under (contract section 3), as the plan states it and as
/// a target reports it on <c>GET /api/deprecations</c>.
/// </summary>
public sealed record PhaseConfiguration
{
    /// <summary>Global mode: <c>off</c>, <c>warn</c> or <c>enforce</c>; default <c>off</c>.</summary>
    public string Mode { get; init; } = "off";

    /// <summary>Warn becomes shadow; default false.</summary>
    public bool DryRun { get; init; }

    /// <summary>Share of request ids in the enforcement bucket, 0-100; default 100.</summary>
    public int EnforcementPercent { get; init; } = 100;

    /// <summary>Writes in warn are enforced and reads in enforce are warned; default false.</summary>
    public bool EnforceWriteOnly { get; init; }

    /// <summary>Per-endpoint modes keyed by route template; default none.</summary>
    public IReadOnlyDictionary<string, string> Overrides { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Every field in which <paramref name="actual"/> differs from this configuration, each as
    /// <c>field: expected X, target has Y</c>; empty when they match.
    /// </summary>
    public IReadOnlyList<ConfigurationDifference> DifferencesFrom(PhaseConfiguration actual)
    {
        ArgumentNullException.ThrowIfNull(actual);
        var differences = new List<ConfigurationDifference>();
        Compare("mode", Mode, actual.Mode);
        Compare("dryRun", Lower(DryRun), Lower(actual.DryRun));
        Compare("enforcementPercent", EnforcementPercent.ToString(CultureInfo.InvariantCulture), actual.EnforcementPercent.ToString(CultureInfo.InvariantCulture));
        Compare("enforceWriteOnly", Lower(EnforceWriteOnly), Lower(actual.EnforceWriteOnly));
        foreach (var route in Overrides.Keys.Union(actual.Overrides.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            Compare($"overrides[{route}]", Overrides.GetValueOrDefault(route) ?? "(none)", actual.Overrides.GetValueOrDefault(route) ?? "(none)");
        }

        return differences;

        void Compare(string field, string expected, string got)
        {
            if (!string.Equals(expected, got, StringComparison.Ordinal))
            {
                differences.Add(new ConfigurationDifference(field, expected, got));
            }
        }
    }

    /// <summary>One line such as <c>mode=warn dryRun=false enforcementPercent=100 enforceWriteOnly=false</c>.</summary>
    public string Describe()
    {
        var text = string.Create(CultureInfo.InvariantCulture,
            $"mode={Mode} dryRun={Lower(DryRun)} enforcementPercent={EnforcementPercent} enforceWriteOnly={Lower(EnforceWriteOnly)}");
        return Overrides.Count == 0
            ? text
            : text + " overrides={" + string.Join(", ", Overrides.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key}: {o.Value}")) + "}";
    }

    /// <inheritdoc />
    public bool Equals(PhaseConfiguration? other) => other is not null && DifferencesFrom(other).Count == 0;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Mode, DryRun, EnforcementPercent, EnforceWriteOnly, Overrides.Count);

    private static string Lower(bool value) => value ? "true" : "false";
}
