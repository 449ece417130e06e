using ReferenceImpl.Api.DocumentStore;

namespace ReferenceImpl.Api.Chaos;

/// <summary>A document store whose every call first waits <see cref="InjectedLatency.DatabaseLatency"/>.</summary>
public sealed class SlowDocumentStore<T>(IDocumentStore<T> inner, InjectedLatency latency) : IDocumentStore<T>
    where T : class
{
    public Task AddAsync(string id, T document, CancellationToken cancellationToken) =>
        latency.Database.ExecuteAsync(static (state, token) => new ValueTask(state.inner.AddAsync(state.id, state.document, token)), (inner, id, document), cancellationToken).AsTask();

    public Task<T?> GetAsync(string id, CancellationToken cancellationToken) =>
        latency.Database.ExecuteAsync(static (state, token) => new ValueTask<T?>(state.inner.GetAsync(state.id, token)), (inner, id), cancellationToken).AsTask();

    public Task<bool> ReplaceAsync(string id, T document, CancellationToken cancellationToken) =>
        latency.Database.ExecuteAsync(static (state, token) => new ValueTask<bool>(state.inner.ReplaceAsync(state.id, state.document, token)), (inner, id, document), cancellationToken).AsTask();
}
