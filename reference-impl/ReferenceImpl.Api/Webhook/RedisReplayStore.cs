using StackExchange.Redis;

namespace ReferenceImpl.Api.Webhook;

/// <summary>
/// Webhook replay protection in Redis: <c>SET key 1 NX PX ttl</c>, so every instance sharing the
/// Redis rejects a delivery any of them has seen. A failing Redis throws
/// <see cref="ReplayStoreUnavailableException"/>: a replay check that cannot be made is never skipped.
/// </summary>
public sealed class RedisReplayStore(IConnectionMultiplexer redis) : IReplayStore
{
    /// <summary>Prefix of every key.</summary>
    public const string Prefix = "stage:webhook:replay:";

    /// <summary>Bound on the Redis call.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    public async Task<bool> TryRememberAsync(string key, TimeSpan ttl, CancellationToken cancellationToken)
    {
        try
        {
            return await redis.GetDatabase().StringSetAsync(Prefix + key, 1, ttl, When.NotExists).WaitAsync(Timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            throw new ReplayStoreUnavailableException($"the replay store cannot be reached: {e.Message}", e);
        }
    }
}

/// <summary>The replay store cannot answer; the webhook answers 503.</summary>
public sealed class ReplayStoreUnavailableException(string message, Exception inner) : Exception(message, inner);
