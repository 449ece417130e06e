using ReferenceImpl.Api.Webhook;

namespace ReferenceImpl.Api.Chaos;

/// <summary>A webhook replay store (Redis in production) whose every call first waits <see cref="InjectedLatency.RedisLatency"/>.</summary>
public sealed class SlowReplayStore(IReplayStore inner, InjectedLatency latency) : IReplayStore
{
    public Task<bool> TryRememberAsync(string key, TimeSpan ttl, CancellationToken cancellationToken) =>
        latency.Redis.ExecuteAsync(static (state, token) => new ValueTask<bool>(state.inner.TryRememberAsync(state.key, state.ttl, token)), (inner, key, ttl), cancellationToken).AsTask();
}
