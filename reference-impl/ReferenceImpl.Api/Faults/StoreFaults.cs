using ReferenceImpl.Api.DocumentStore;

namespace ReferenceImpl.Api.Faults;

/// <summary>The faults in persistence and its failures (contract sections 5 and 10): a write acknowledged before it is stored, a database outage answered 500.</summary>
public static class StoreFaults
{
    /// <summary>How long the background insert of <c>write-acknowledged-before-commit</c> waits after the answer.</summary>
    public static readonly TimeSpan CommitDelay = TimeSpan.FromSeconds(1);

    /// <summary>The store, or (under the fault) one that acknowledges a new document before storing it.</summary>
    public static IDocumentStore<T> Store<T>(FaultSet faults, IDocumentStore<T> store, TimeProvider time)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(faults);
        return faults.Has(Fault.WriteAcknowledgedBeforeCommit) ? new CommitLaterStore<T>(store, time) : store;
    }

    /// <summary>True when a transient database error must be answered 500 (the fault) instead of 503.</summary>
    public static bool DatabaseDownAs500(FaultSet faults)
    {
        ArgumentNullException.ThrowIfNull(faults);
        return faults.Has(Fault.DatabaseDown500);
    }

    /// <summary>Answers an add at once and stores the document <see cref="CommitDelay"/> later; a failure then is swallowed (the lost write).</summary>
    private sealed class CommitLaterStore<T>(IDocumentStore<T> inner, TimeProvider time) : IDocumentStore<T>
        where T : class
    {
        public Task AddAsync(string id, T document, CancellationToken cancellationToken)
        {
            _ = Task.Run(async () =>
            {
                try
                {
                    await Task.Delay(CommitDelay, time, CancellationToken.None).ConfigureAwait(false);
                    await inner.AddAsync(id, document, CancellationToken.None).ConfigureAwait(false);
                }
                catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException or TimeoutException or IOException)
                {
                    // The fault: the client already has its 201.
                }
            }, CancellationToken.None);
            return Task.CompletedTask;
        }

        public Task<T?> GetAsync(string id, CancellationToken cancellationToken) => inner.GetAsync(id, cancellationToken);

        public Task<bool> ReplaceAsync(string id, T document, CancellationToken cancellationToken) => inner.ReplaceAsync(id, document, cancellationToken);
    }
}
