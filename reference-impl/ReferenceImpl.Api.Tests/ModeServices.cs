using StageContract.Modes;

namespace ReferenceImpl.Api.Tests;

/// <summary>The configurations of the contract's outcome table, each with its own running service.</summary>
public sealed class ModeServices : IAsyncLifetime
{
    public static readonly IReadOnlyDictionary<string, ModeSettings> Configurations = new Dictionary<string, ModeSettings>
    {
        ["off"] = new() { GlobalMode = ValidationMode.Off },
        ["warn"] = new() { GlobalMode = ValidationMode.Warn },
        ["shadow"] = new() { GlobalMode = ValidationMode.Warn, DryRun = true },
        ["enforce"] = new() { GlobalMode = ValidationMode.Enforce, EnforcementPercent = 100 },
        ["write-only"] = new() { GlobalMode = ValidationMode.Warn, EnforceWriteOnly = true },
    };

    private readonly Dictionary<string, ServiceHost> _hosts = [];

    public ServiceHost this[string configuration] => _hosts[configuration];

    public async Task InitializeAsync()
    {
        foreach (var (name, settings) in Configurations)
        {
            _hosts[name] = await ServiceHost.StartAsync(settings);
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts.Values)
        {
            await host.DisposeAsync();
        }
    }
}
