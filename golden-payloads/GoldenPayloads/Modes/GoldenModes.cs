using StageContract.Modes;

namespace GoldenPayloads.Modes;

/// <summary>Names and mode settings of the golden configurations.</summary>
public static class GoldenModes
{
    /// <summary>Every configuration, in the order snapshots show them side by side.</summary>
    public static IReadOnlyList<GoldenMode> All { get; } =
        [GoldenMode.Off, GoldenMode.Warn, GoldenMode.Shadow, GoldenMode.Enforce, GoldenMode.WriteOnly];

    /// <summary>Lower-case name used in snapshots, reports and request ids.</summary>
    public static string Name(this GoldenMode mode) => mode switch
    {
        GoldenMode.Off => "off",
        GoldenMode.Warn => "warn",
        GoldenMode.Shadow => "shadow",
        GoldenMode.Enforce => "enforce",
        GoldenMode.WriteOnly => "write-only",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };

    /// <summary>The mode settings a target is started with for this configuration (no overrides).</summary>
    public static ModeSettings Settings(this GoldenMode mode) => mode switch
    {
        GoldenMode.Off => new ModeSettings { GlobalMode = ValidationMode.Off },
        GoldenMode.Warn => new ModeSettings { GlobalMode = ValidationMode.Warn },
        GoldenMode.Shadow => new ModeSettings { GlobalMode = ValidationMode.Warn, DryRun = true },
        GoldenMode.Enforce => new ModeSettings { GlobalMode = ValidationMode.Enforce, EnforcementPercent = 100 },
        GoldenMode.WriteOnly => new ModeSettings { GlobalMode = ValidationMode.Warn, EnforceWriteOnly = true },
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };
}
