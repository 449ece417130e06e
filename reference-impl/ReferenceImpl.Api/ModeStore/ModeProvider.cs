using ReferenceImpl.Api.Metrics;
using StageContract.Modes;

namespace ReferenceImpl.Api.ModeStore;

/// <summary>
/// The global mode as requests see it (contract section 7): a 5 s in-process cache over the store,
/// every store call bounded by 100 ms, and on timeout or error the stale cached value, else the
/// configured default. A failing store never fails a request; after a failure the store is not
/// asked again for one cache period, so an outage costs at most one bounded wait per period.
/// </summary>
public sealed class ModeProvider : IDisposable
{
    /// <summary>How long a read value is served from the cache.</summary>
    public static readonly TimeSpan CacheDuration = TimeSpan.FromSeconds(5);

    /// <summary>Bound on every store call.</summary>
    public static readonly TimeSpan StoreTimeout = TimeSpan.FromMilliseconds(100);

    private readonly IModeStore _store;
    private readonly TimeSpan _storeTimeout;
    private readonly ValidationMode _default;
    private readonly TimeProvider _time;
    private readonly StageMetrics _metrics;
    private readonly ModeAuditLog _audit;
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private ValidationMode? _cached;
    private long _nextRefresh;

    public ModeProvider(IModeStore store, ValidationMode defaultMode, TimeProvider time, StageMetrics metrics, ModeAuditLog audit, TimeSpan? storeTimeout = null)
    {
        _storeTimeout = storeTimeout ?? StoreTimeout;
        _store = store;
        _default = defaultMode;
        _time = time;
        _metrics = metrics;
        _audit = audit;
        _metrics.SetModeGauge(defaultMode);
    }

    public void Dispose() => _refresh.Dispose();

    /// <summary>The current global mode; never throws because of the store.</summary>
    public async ValueTask<ValidationMode> CurrentAsync(CancellationToken cancellationToken)
    {
        if (_time.GetTimestamp() < Volatile.Read(ref _nextRefresh) || !await _refresh.WaitAsync(0, cancellationToken).ConfigureAwait(false))
        {
            return _cached ?? _default;
        }

        try
        {
            using var timeout = new CancellationTokenSource(_storeTimeout, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
            var stored = await _store.ReadAsync(linked.Token).WaitAsync(_storeTimeout, _time, cancellationToken).ConfigureAwait(false);
            _cached = stored ?? _cached ?? _default;
            _metrics.SetModeGauge(_cached.Value);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _metrics.ModeStoreError("read");
        }
        finally
        {
            Volatile.Write(ref _nextRefresh, _time.GetTimestamp() + (long)(CacheDuration.TotalSeconds * _time.TimestampFrequency));
            _refresh.Release();
        }

        return _cached ?? _default;
    }

    /// <summary>
    /// Changes the global mode: the cache at once (so this instance obeys even when the store is
    /// down), then the store; audited either way. Returns the audit entry.
    /// </summary>
    public async Task<ModeAuditEntry> SetAsync(ValidationMode mode, string actor, string reason, CancellationToken cancellationToken)
    {
        var old = await CurrentAsync(cancellationToken).ConfigureAwait(false);
        _cached = mode;
        _metrics.SetModeGauge(mode);
        Volatile.Write(ref _nextRefresh, _time.GetTimestamp() + (long)(CacheDuration.TotalSeconds * _time.TimestampFrequency));
        var persisted = true;
        try
        {
            await _store.WriteAsync(mode, cancellationToken).WaitAsync(_storeTimeout, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _metrics.ModeStoreError("write");
            persisted = false;
        }

        var entry = new ModeAuditEntry(old, mode, actor, reason, _time.GetUtcNow(), persisted);
        _audit.Append(entry);
        return entry;
    }
}
