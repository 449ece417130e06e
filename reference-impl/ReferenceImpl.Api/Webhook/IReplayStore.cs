namespace ReferenceImpl.Api.Webhook;

/// <summary>Remembers webhook deliveries to reject replays (Redis in production).</summary>
public interface IReplayStore
{
    /// <summary>Records <paramref name="key"/> for <paramref name="ttl"/>; false when it was already recorded and not expired.</summary>
    Task<bool> TryRememberAsync(string key, TimeSpan ttl, CancellationToken cancellationToken);
}
