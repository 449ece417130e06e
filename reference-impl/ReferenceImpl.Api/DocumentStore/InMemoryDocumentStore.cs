using System.Collections.Concurrent;

namespace ReferenceImpl.Api.DocumentStore;

/// <summary>A thread-safe in-process store.</summary>
public sealed class InMemoryDocumentStore<T> : IDocumentStore<T>
    where T : class
{
    private readonly ConcurrentDictionary<string, T> _documents = new(StringComparer.Ordinal);

    public Task AddAsync(string id, T document, CancellationToken cancellationToken)
    {
        if (!_documents.TryAdd(id, document))
        {
            throw new InvalidOperationException($"a document with id '{id}' already exists");
        }

        return Task.CompletedTask;
    }

    public Task<T?> GetAsync(string id, CancellationToken cancellationToken) => Task.FromResult(_documents.GetValueOrDefault(id));

    public Task<bool> ReplaceAsync(string id, T document, CancellationToken cancellationToken)
    {
        while (_documents.TryGetValue(id, out var current))
        {
            if (_documents.TryUpdate(id, document, current))
            {
                return Task.FromResult(true);
            }
        }

        return Task.FromResult(false);
    }
}
