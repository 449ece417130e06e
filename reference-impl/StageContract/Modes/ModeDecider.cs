using StageContract.Data;
using StageContract.Endpoints;

namespace StageContract.Modes;

/// <summary>The per-request mode decision of contract section 3, steps 1-4, in order.</summary>
public sealed class ModeDecider
{
    private readonly ContractEndpoints _endpoints;

    /// <summary>Creates a decider with the write rule derived from the contract's endpoints.</summary>
    public ModeDecider(StageContractData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        _endpoints = new ContractEndpoints(data.Endpoints);
    }

    /// <summary>True when the method on the route template is a write (<see cref="ContractEndpoints.IsWrite"/>).</summary>
    public bool IsWrite(string method, string routeTemplate) => _endpoints.IsWrite(method, routeTemplate);

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
