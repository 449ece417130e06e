using Harness.Engine.Plans;

namespace Harness.Engine.Targets;

/// <summary>
/// What a target says about itself on <c>GET /api/deprecations</c>, in whatever JSON layout it
/// uses (the contract lists the fields, not their layout). A field the target does not report is
/// null. The configuration a target runs is decided by how it answers requests; this is only ever
/// compared with that behaviour.
/// </summary>
public sealed record SelfReport
{
    /// <summary>The global mode it says is in force (<c>off</c>, <c>warn</c>, <c>enforce</c>), or null.</summary>
    public string? Mode { get; init; }

    /// <summary>Dry run, or null.</summary>
    public bool? DryRun { get; init; }

    /// <summary>Enforcement percent (0-100), or null.</summary>
    public int? EnforcementPercent { get; init; }

    /// <summary>Write-only enforcement, or null.</summary>
    public bool? EnforceWriteOnly { get; init; }

    /// <summary>Per-route modes keyed by the contract's route template (another spelling of a contract route is mapped to it), or null.</summary>
    public IReadOnlyDictionary<string, string>? Overrides { get; init; }

    /// <summary>The sunset it says it sends, or null.</summary>
    public string? Sunset { get; init; }

    /// <summary>The docs URL it says it sends, or null.</summary>
    public string? DocsUrl { get; init; }

    /// <summary>Where in the body the fields were found: <c>the body</c>, <c>items[0]</c>, ...</summary>
    public string Shape { get; init; } = "the body";

    /// <summary>Fields that were there but could not be read, each as one phrase.</summary>
    public IReadOnlyList<string> Unreadable { get; init; } = [];

    /// <summary>
    /// The reported configuration with the contract's defaults for fields not reported (percent 100,
    /// no dry run, no write-only, no overrides); null when no mode is reported.
    /// </summary>
    public PhaseConfiguration? Configuration => Mode is null ? null : new PhaseConfiguration
    {
        Mode = Mode,
        DryRun = DryRun ?? false,
        EnforcementPercent = EnforcementPercent ?? 100,
        EnforceWriteOnly = EnforceWriteOnly ?? false,
        Overrides = Overrides ?? new SortedDictionary<string, string>(StringComparer.Ordinal),
    };
}
