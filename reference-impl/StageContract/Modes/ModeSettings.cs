namespace StageContract.Modes;

/// <summary>The configuration the per-request decision reads (contract section 3).</summary>
public sealed record ModeSettings
{
    /// <summary>Global mode; default <see cref="ValidationMode.Off"/>.</summary>
    public ValidationMode GlobalMode { get; init; } = ValidationMode.Off;

    /// <summary>Per-endpoint overrides keyed by route template; default none.</summary>
    public IReadOnlyDictionary<string, ValidationMode> Overrides { get; init; } = new Dictionary<string, ValidationMode>();

    /// <summary>Writes in warn are enforced and reads in enforce are warned; default false.</summary>
    public bool EnforceWriteOnly { get; init; }

    /// <summary>Share of request ids in the enforcement bucket, 0-100; default 100.</summary>
    public int EnforcementPercent { get; init; } = 100;

    /// <summary>Warn becomes shadow; default false.</summary>
    public bool DryRun { get; init; }
}
