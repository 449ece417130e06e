namespace ReferenceImpl.Api.DocumentStore;

/// <summary>
/// Persistence of one kind of write-endpoint resource, by id: <see cref="InMemoryDocumentStore{T}"/>
/// without a database, <see cref="PostgresStrategyStore"/> and <see cref="PostgresAllocationStore"/> with one.
/// </summary>
public interface IDocumentStore<T>
    where T : class
{
    /// <summary>Stores a new resource.</summary>
    Task AddAsync(string id, T document, CancellationToken cancellationToken);

    /// <summary>The resource, or null.</summary>
    Task<T?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Replaces an existing resource; false when there is none.</summary>
    Task<bool> ReplaceAsync(string id, T document, CancellationToken cancellationToken);
}
