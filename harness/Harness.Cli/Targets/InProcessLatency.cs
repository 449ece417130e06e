using Harness.Engine.Targets;
using ReferenceImpl.Api.Chaos;

namespace Harness.Cli.Targets;

/// <summary>
/// The embedded reference's store calls slowed in-process: <see cref="InjectedLatency"/> (Polly's chaos
/// latency strategy) in front of its mode store (Redis) and its
/// database calls (Postgres) when it runs on its containers. The calls wait inside the service, so the mode
/// store's 100 ms bound meets the wait exactly as it would meet a slow network.
/// </summary>
public sealed class InProcessLatency(InjectedLatency latency) : ILatencyControl
{
    /// <inheritdoc />
    public string? Describe(Dependency dependency) => dependency switch
    {
        Dependency.Redis => $"in-process (Polly chaos latency) at the embedded service's mode store calls (Redis)",
        _ => $"in-process (Polly chaos latency) at the embedded service's database calls (Postgres)",
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
