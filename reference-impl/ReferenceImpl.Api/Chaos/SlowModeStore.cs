using ReferenceImpl.Api.ModeStore;
using StageContract.Modes;

namespace ReferenceImpl.Api.Chaos;

/// <summary>
/// A mode store whose every call first waits <see cref="InjectedLatency.RedisLatency"/>. The wait
/// honours the caller's token, so <see cref="ModeProvider"/>'s 100 ms bound cuts it short as it
/// would a slow Redis.
/// </summary>
public sealed class SlowModeStore(IModeStore inner, InjectedLatency latency) : IModeStore
{
    public Task<ValidationMode?> ReadAsync(CancellationToken cancellationToken) =>
        latency.Redis.ExecuteAsync(static (store, token) => new ValueTask<ValidationMode?>(store.ReadAsync(token)), inner, cancellationToken).AsTask();

    public Task WriteAsync(ValidationMode mode, CancellationToken cancellationToken) =>
        latency.Redis.ExecuteAsync(static (state, token) => new ValueTask(state.inner.WriteAsync(state.mode, token)), (inner, mode), cancellationToken).AsTask();
}
