using ReferenceImpl.Api.Funds;

namespace ReferenceImpl.Api.Chaos;

/// <summary>A fund directory whose every call first waits <see cref="InjectedLatency.DatabaseLatency"/>.</summary>
public sealed class SlowFundDirectory(IFundDirectory inner, InjectedLatency latency) : IFundDirectory
{
    public Task<Fund?> FindAsync(long id, CancellationToken cancellationToken) =>
        latency.Database.ExecuteAsync(static (state, token) => new ValueTask<Fund?>(state.inner.FindAsync(state.id, token)), (inner, id), cancellationToken).AsTask();

    public Task<IReadOnlyList<Company>?> CompaniesAsync(long fundId, IReadOnlyCollection<string>? stages, CancellationToken cancellationToken) =>
        latency.Database.ExecuteAsync(
            static (state, token) => new ValueTask<IReadOnlyList<Company>?>(state.inner.CompaniesAsync(state.fundId, state.stages, token)),
            (inner, fundId, stages),
            cancellationToken).AsTask();
}
