using ReferenceImpl.Api.Webhook;

namespace ReferenceImpl.Api.Faults;

/// <summary>A replay store that takes every delivery for the first one (fault webhook-replays).</summary>
public sealed class ForgetfulReplayStore : IReplayStore
{
    public Task<bool> TryRememberAsync(string key, TimeSpan ttl, CancellationToken cancellationToken) => Task.FromResult(true);
}
