namespace ReferenceImpl.Api.ModeStore;

/// <summary>Keeps the latest mode changes in memory and writes each to the structured log.</summary>
public sealed class ModeAuditLog
{
    private const int Capacity = 1000;
    private readonly Queue<ModeAuditEntry> _entries = new();
    private readonly ILogger<ModeAuditLog> _logger;
    private readonly Lock _lock = new();
    private ModeAuditEntry? _latest;

    public ModeAuditLog(ILogger<ModeAuditLog> logger) => _logger = logger;

    /// <summary>Records a change.</summary>
    public void Append(ModeAuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_lock)
        {
            if (_entries.Count == Capacity)
            {
                _entries.Dequeue();
            }

            _entries.Enqueue(entry);
            Volatile.Write(ref _latest, entry);
        }

        _logger.LogWarning(
            "stage validation mode changed {Old} -> {New} by {Actor}: {Reason} (persisted: {Persisted})",
            entry.Old, entry.New, entry.Actor, entry.Reason, entry.Persisted);
    }

    /// <summary>The newest change, or null before the first (read without taking the lock).</summary>
    public ModeAuditEntry? Latest => Volatile.Read(ref _latest);

    /// <summary>The retained entries, oldest first.</summary>
    public IReadOnlyList<ModeAuditEntry> Entries()
    {
        lock (_lock)
        {
            return [.. _entries];
        }
    }
}
