namespace ReferenceImpl.Api.Webhook;

/// <summary>A process-local replay store with expiry on the injected clock.</summary>
public sealed class InMemoryReplayStore : IReplayStore
{
    private readonly Dictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();

    public InMemoryReplayStore(TimeProvider time) => _time = time;

    public Task<bool> TryRememberAsync(string key, TimeSpan ttl, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            if (_seen.Count > 1024)
            {
                foreach (var expired in _seen.Where(e => e.Value <= now).Select(e => e.Key).ToList())
                {
                    _seen.Remove(expired);
                }
            }

            if (_seen.TryGetValue(key, out var until) && until > now)
            {
                return Task.FromResult(false);
            }

            _seen[key] = now + ttl;
            return Task.FromResult(true);
        }
    }
}
