using Harness.Engine.Plans;
using ReferenceImpl.Api.Faults;
using ReferenceImpl.Api.Hosting;
using ReferenceImpl.Api.Profiles;

namespace Harness.Acceptance.Tests.Targets;

/// <summary>
/// The reference service started in-process as a team's service would be deployed for a phase: in a
/// profile, in exactly the phase's configuration, with webhook and ops secrets, optionally with faults
/// and on real stores, and optionally slowable from outside (<c>STAGE_CHAOS_LATENCY_DIR</c>) for the latency drill. The harness only ever sees its URL.
/// </summary>
public sealed class ReferenceTarget : IAsyncDisposable
{
    private readonly RunningReferenceService _service;

    private ReferenceTarget(RunningReferenceService service, DrillCredentials credentials)
    {
        _service = service;
        Credentials = credentials;
    }

    /// <summary>The service's base URL, what <c>--target</c> gets.</summary>
    public string Url => _service.BaseAddress.AbsoluteUri;

    /// <summary>The secrets the service was started with.</summary>
    public DrillCredentials Credentials { get; }

    public static async Task<ReferenceTarget> StartAsync(
        ServiceProfile profile, PhaseConfiguration configuration, FaultSet faults, ServiceStores? stores, CancellationToken cancellationToken, string? chaosLatencyDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var credentials = DrillCredentials.Fresh();
        var options = ServiceOptions.Default with
        {
            Profile = profile,
            Modes = configuration.ToModeSettings(),
            Faults = faults,
            WebhookHmacKey = credentials.WebhookHmacKey,
            WebhookBearerToken = credentials.WebhookBearerToken,
            OpsToken = credentials.OpsToken,
            DatabaseConnectionString = stores?.Database,
            RedisConfiguration = stores?.Redis,
            ChaosLatencyDirectory = chaosLatencyDirectory,
        };
        return new ReferenceTarget(await ReferenceService.StartAsync(options, cancellationToken), credentials);
    }

    public ValueTask DisposeAsync() => _service.DisposeAsync();
}
