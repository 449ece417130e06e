using ReferenceImpl.Api.Faults;
using ReferenceImpl.Api.Funds;
using ReferenceImpl.Api.Profiles;
using StageContract.Modes;

namespace ReferenceImpl.Api.Hosting;

/// <summary>Everything the reference service is configured with.</summary>
public sealed record ServiceOptions
{
    /// <summary>The mode configuration of contract section 3; default: off, percent 100, no write-only, no dry run.</summary>
    public ModeSettings Modes { get; init; } = new();

    /// <summary>Bearer token of the ops mode API (<c>STAGE_OPS_TOKEN</c>); default none, which disables the API.</summary>
    public string? OpsToken { get; init; }

    /// <summary>HMAC key of the auto-downgrade webhook, at least 32 bytes (<c>STAGE_WEBHOOK_HMAC_KEY</c>); default none.</summary>
    public string? WebhookHmacKey { get; init; }

    /// <summary>Bearer token accepted by the webhook (<c>STAGE_WEBHOOK_TOKEN</c>); default none.</summary>
    public string? WebhookBearerToken { get; init; }

    /// <summary>Contract data file (<c>STAGE_CONTRACT_FILE</c>); default the file shipped with the service.</summary>
    public string? ContractFile { get; init; }

    /// <summary>Share of offending raw values logged once more than 10 a minute were logged (<c>STAGE_LOG_SAMPLE_RATE</c>); default 0.01.</summary>
    public double LogSampleRate { get; init; } = 0.01;

    /// <summary>Seed of the log sampler; default 1.</summary>
    public int SamplingSeed { get; init; } = 1;

    /// <summary>Clock for caches, webhook windows and audit entries; default the system clock.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The mode store; default a process-local in-memory store.</summary>
    public ReferenceImpl.Api.ModeStore.IModeStore? ModeStore { get; init; }

    /// <summary>Npgsql connection string of the service's database (<c>STAGE_DATABASE_URL</c>); default none: funds, strategies and allocations in memory.</summary>
    public string? DatabaseConnectionString { get; init; }

    /// <summary>StackExchange.Redis configuration (<c>STAGE_REDIS_URL</c>); default none: the mode store and the webhook's replay store in memory. Ignored when <see cref="ModeStore"/> is set.</summary>
    public string? RedisConfiguration { get; init; }

    /// <summary>Every choice the contract leaves open (<c>STAGE_PROFILE</c>); default <see cref="ServiceProfile.Default"/>.</summary>
    public ServiceProfile Profile { get; init; } = ServiceProfile.Default;

    /// <summary>The <c>Sunset</c> value, an IMF-fixdate (<c>STAGE_SUNSET</c>); default none: the profile's, else the contract data's.</summary>
    public string? Sunset { get; init; }

    /// <summary>The docs URL of <c>X-Stage-Docs</c> and <c>Link</c> (<c>STAGE_DOCS_URL</c>); default none: the profile's, else the contract data's.</summary>
    public string? DocsUrl { get; init; }

    /// <summary>Contract rules to break on purpose (<c>STAGE_FAULTS</c>); default none.</summary>
    public FaultSet Faults { get; init; } = FaultSet.None;

    /// <summary>Funds and companies when there is no database; default the demo catalog. For tests that need other (for example legacy) rows.</summary>
    public IFundDirectory? FundDirectory { get; init; }

    /// <summary>Latency added to the mode store and database calls, for the harness's latency drill (<c>STAGE_CHAOS_LATENCY_DIR</c>); default none (nothing injected).</summary>
    public ReferenceImpl.Api.Chaos.InjectedLatency? InjectedLatency { get; init; }

    /// <summary>
    /// Directory whose files <c>redis</c> and <c>postgres</c> set the injected latency in milliseconds while the service runs,
    /// read every 100 ms (<c>STAGE_CHAOS_LATENCY_DIR</c>; rehearsals only); default none. Drives <see cref="InjectedLatency"/> when set, else a new one.
    /// </summary>
    public string? ChaosLatencyDirectory { get; init; }

    /// <summary>The defaults.</summary>
    public static ServiceOptions Default { get; } = new();
}
