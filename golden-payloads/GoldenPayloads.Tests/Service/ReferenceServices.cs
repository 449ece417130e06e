using Flurl.Http;
using GoldenPayloads.Comparison;
using GoldenPayloads.Corpus;
using GoldenPayloads.Modes;
using GoldenPayloads.Oracle;
using GoldenPayloads.Running;
using ReferenceImpl.Api.Hosting;
using StageContract;

namespace GoldenPayloads.Tests.Service;

/// <summary>
/// Five reference services on loopback, one per golden configuration (off, warn, shadow, enforce at
/// 100 %, write-only), started once for the collection. Writes create fresh resources; nothing a
/// test sends changes what another test observes.
/// </summary>
public sealed class ReferenceServices : IAsyncLifetime, IDisposable
{
    private readonly Dictionary<GoldenMode, RunningReferenceService> _services = [];
    private readonly HttpClient _client = new() { Timeout = TimeSpan.FromSeconds(30) };

    public GoldenRunner Runner { get; }

    public GoldenOracle Oracle { get; } = new(ContractRules.Default);

    public GoldenComparison Comparison { get; } = new(ContractRules.Default, new ExactDeprecationValues(ContractRules.Default.Data));

    public ReferenceServices() => Runner = new GoldenRunner(new FlurlClient(_client), ContractRules.Default.Data);

    public Uri BaseAddress(GoldenMode mode) => _services[mode].BaseAddress;

    /// <summary>A request id that names the case and the mode, so a service log line leads back to the test.</summary>
    public static string RequestId(GoldenCase golden, GoldenMode mode) =>
        "golden-" + golden.Id.Replace('/', '-') + "-" + mode.Name();

    public Task<ObservedOutcome> RunAsync(GoldenCase golden, GoldenMode mode) =>
        Runner.RunAsync(golden, BaseAddress(mode), RequestId(golden, mode), CancellationToken.None);

    public ExpectedOutcome Expect(GoldenCase golden, GoldenMode mode) =>
        Oracle.Expect(golden, mode.Settings(), RequestId(golden, mode));

    public async Task InitializeAsync()
    {
        var started = await Task.WhenAll(GoldenModes.All.Select(async mode =>
            (mode, await ReferenceService.StartAsync(new ServiceOptions { Modes = mode.Settings() }, CancellationToken.None))));
        foreach (var (mode, service) in started)
        {
            _services[mode] = service;
        }
    }

    public void Dispose() => _client.Dispose();

    public async Task DisposeAsync()
    {
        foreach (var service in _services.Values)
        {
            await service.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ReferenceServicesDefinition : ICollectionFixture<ReferenceServices>
{
    public const string Name = "reference services";
}
