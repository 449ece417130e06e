using System.Collections.Frozen;
using StageContract.Data;

namespace StageContract.Modes;

/// <summary>The per-request mode decision of contract section 3, steps 1-4, in order.</summary>
public sealed class ModeDecider
{
    private readonly FrozenDictionary<string, FrozenSet<string>> _writes;

    /// <summary>Creates a decider with the contract's write routes.</summary>
    public ModeDecider(StageContractData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        _writes = data.WriteRoutes
            .GroupBy(r => r.Route, StringComparer.Ordinal)
            .ToFrozenDictionary(
                g => g.Key,
                g => g.SelectMany(r => r.Methods).ToFrozenSet(StringComparer.OrdinalIgnoreCase),
                StringComparer.Ordinal);
    }

    /// <summary>True when the method on the route template is a write.</summary>
    public bool IsWrite(string method, string routeTemplate) =>
        _writes.TryGetValue(routeTemplate, out var methods) && methods.Contains(method);

    /// <summary>Decides the effective mode of one request.</summary>
    public EffectiveMode Decide(ModeSettings settings, string method, string routeTemplate, string requestId)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(requestId);
        var mode = settings.Overrides.TryGetValue(routeTemplate, out var overridden) ? overridden : settings.GlobalMode;
        if (settings.EnforceWriteOnly)
        {
            var write = IsWrite(method, routeTemplate);
            mode = (mode, write) switch
            {
                (ValidationMode.Warn, true) => ValidationMode.Enforce,
                (ValidationMode.Enforce, false) => ValidationMode.Warn,
                _ => mode,
            };
        }

        if (mode == ValidationMode.Enforce && !EnforcementBucket.Contains(requestId, settings.EnforcementPercent))
        {
            mode = ValidationMode.Warn;
        }

        return mode switch
        {
            ValidationMode.Off => EffectiveMode.Off,
            ValidationMode.Warn => settings.DryRun ? EffectiveMode.Shadow : EffectiveMode.Warn,
            _ => EffectiveMode.Enforce,
        };
    }
}
