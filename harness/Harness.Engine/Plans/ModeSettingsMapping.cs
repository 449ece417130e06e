using StageContract.Modes;

namespace Harness.Engine.Plans;

/// <summary>Maps a phase configuration onto the contract model's <see cref="ModeSettings"/>.</summary>
public static class ModeSettingsMapping
{
    /// <summary>The settings the contract's decision reads; throws for a mode the plan loader would have rejected.</summary>
    public static ModeSettings ToModeSettings(this PhaseConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new ModeSettings
        {
            GlobalMode = Parse(configuration.Mode),
            DryRun = configuration.DryRun,
            EnforcementPercent = Math.Clamp(configuration.EnforcementPercent, 0, 100),
            EnforceWriteOnly = configuration.EnforceWriteOnly,
            Overrides = configuration.Overrides.ToDictionary(o => o.Key, o => Parse(o.Value), StringComparer.Ordinal),
        };
    }

    private static ValidationMode Parse(string mode) =>
        ModeNames.TryParse(mode, out var parsed)
            ? parsed.Value
            : throw new ArgumentException($"mode '{mode}' is not one of off, warn, enforce", nameof(mode));
}
