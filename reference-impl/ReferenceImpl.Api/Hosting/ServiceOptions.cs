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

    /// <summary>The defaults.</summary>
    public static ServiceOptions Default { get; } = new();
}
