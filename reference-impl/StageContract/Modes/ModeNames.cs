using System.Diagnostics.CodeAnalysis;

namespace StageContract.Modes;

/// <summary>Wire names of modes and results, lower case as the contract writes them.</summary>
public static class ModeNames
{
    /// <summary>"off", "warn" or "enforce".</summary>
    public static string ToWire(this ValidationMode mode) => mode switch
    {
        ValidationMode.Off => "off",
        ValidationMode.Warn => "warn",
        ValidationMode.Enforce => "enforce",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };

    /// <summary>"off", "warn", "shadow" or "enforce".</summary>
    public static string ToWire(this EffectiveMode mode) => mode switch
    {
        EffectiveMode.Off => "off",
        EffectiveMode.Warn => "warn",
        EffectiveMode.Shadow => "shadow",
        EffectiveMode.Enforce => "enforce",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };

    /// <summary>Parses "off", "warn" or "enforce" exactly (no case folding, no trimming).</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out ValidationMode? mode)
    {
        mode = text switch
        {
            "off" => ValidationMode.Off,
            "warn" => ValidationMode.Warn,
            "enforce" => ValidationMode.Enforce,
            _ => null,
        };
        return mode is not null;
    }

    /// <summary>Parses an effective mode's wire name exactly.</summary>
    public static bool TryParseEffective(string? text, [NotNullWhen(true)] out EffectiveMode? mode)
    {
        mode = text switch
        {
            "off" => EffectiveMode.Off,
            "warn" => EffectiveMode.Warn,
            "shadow" => EffectiveMode.Shadow,
            "enforce" => EffectiveMode.Enforce,
            _ => null,
        };
        return mode is not null;
    }
}
