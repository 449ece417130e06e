using Harness.Engine.Targets;
using ReferenceImpl.Api.Chaos;

namespace Harness.Cli.Targets;

/// <summary>
/// The embedded reference's store calls slowed in-process: <see cref="InjectedLatency"/> (Polly's chaos
/// latency strategy) in front of its mode store (Redis, or the in-memory store standing in for it) and its
/// database calls (Postgres, or the in-memory stores). The calls wait inside the service, so the mode
/// store's 100 ms bound meets the wait exactly as it would meet a slow network.
/// </summary>
public sealed class InProcessLatency(InjectedLatency latency, bool containers) : ILatencyControl
{
    /// <inheritdoc />
    public string? Describe(Dependency dependency) => dependency switch
    {
        Dependency.Redis => $"in-process (Polly chaos latency) at the embedded service's mode store calls ({(containers ? "Redis" : "in memory, standing in for Redis")})",
        _ => $"in-process (Polly chaos latency) at the embedded service's database calls ({(containers ? "Postgres" : "in memory, standing in for Postgres")})",
    };

    /// <inheritdoc />
    public Task SetAsync(Dependency dependency, TimeSpan added, CancellationToken cancellationToken)
    {
        if (dependency == Dependency.Redis)
        {
            latency.RedisLatency = added;
        }
        else
        {
            latency.DatabaseLatency = added;
        }

        return Task.CompletedTask;
    }
}
