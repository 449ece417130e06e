using StackExchange.Redis;

namespace ReferenceImpl.Api.Webhook;

/// <summary>
/// Webhook replay protection in Redis: <c>SET key token NX PX ttl</c>, so every instance sharing the
/// Redis rejects a delivery any of them has seen. A failing Redis throws
/// <see cref="ReplayStoreUnavailableException"/>: a replay check that cannot be made is never skipped.
/// A write that timed out may still land once Redis recovers; it would then turn the sender's retry
/// of a refused (503) delivery into a replay (409, which Alertmanager does not retry) and lose the
/// downgrade. So every attempt writes its own token, and a failed attempt deletes its key only while
/// it still holds that token (best effort, fire and forget).
/// </summary>
public sealed class RedisReplayStore(IConnectionMultiplexer redis) : IReplayStore
{
    /// <summary>Prefix of every key.</summary>
    public const string Prefix = "stage:webhook:replay:";

    private const string DeleteIfOwned = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

    /// <summary>Bound on the Redis call.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    public async Task<bool> TryRememberAsync(string key, TimeSpan ttl, CancellationToken cancellationToken)
    {
        var database = redis.GetDatabase();
        var token = Guid.NewGuid().ToString("N");
        try
        {
            return await database.StringSetAsync(Prefix + key, token, ttl, When.NotExists).WaitAsync(Timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            // Delete-if-still-ours as one script, so that it is queued on the connection right behind the SET and runs
            // before any later command (a retry) once Redis answers again.
            _ = database.ScriptEvaluateAsync(DeleteIfOwned, [(RedisKey)(Prefix + key)], [token], CommandFlags.FireAndForget);
            throw new ReplayStoreUnavailableException($"the replay store cannot be reached: {e.Message}", e);
        }
    }
}
