using StackExchange.Redis;
using StageContract.Modes;

namespace ReferenceImpl.Api.ModeStore;

/// <summary>
/// The global mode in Redis (contract section 7), key <c>stage:validation:mode</c>, value
/// <c>off</c>, <c>warn</c> or <c>enforce</c>. Failures throw; <see cref="ModeProvider"/> bounds every
/// call and falls back, so a Redis that is down or paused never fails a request.
/// </summary>
public sealed class RedisModeStore(IConnectionMultiplexer redis) : IModeStore
{
    /// <summary>The key of contract section 7.</summary>
    public const string Key = "stage:validation:mode";

    public async Task<ValidationMode?> ReadAsync(CancellationToken cancellationToken)
    {
        var value = await redis.GetDatabase().StringGetAsync(Key).WaitAsync(cancellationToken).ConfigureAwait(false);
        if (value.IsNull)
        {
            return null;
        }

        return ModeNames.TryParse(value.ToString(), out var mode)
            ? mode
            : throw new InvalidOperationException($"Redis key {Key} holds '{value}', which is not a mode");
    }

    public Task WriteAsync(ValidationMode mode, CancellationToken cancellationToken) =>
        redis.GetDatabase().StringSetAsync(Key, mode.ToWire()).WaitAsync(cancellationToken);
}
