using StageContract.Modes;

namespace ReferenceImpl.Api.ModeStore;

/// <summary>A process-local mode store, for one instance and for tests.</summary>
public sealed class InMemoryModeStore : IModeStore
{
    private const int None = -1;
    private int _mode = None;

    public Task<ValidationMode?> ReadAsync(CancellationToken cancellationToken)
    {
        var mode = Volatile.Read(ref _mode);
        return Task.FromResult<ValidationMode?>(mode == None ? null : (ValidationMode)mode);
    }

    public Task WriteAsync(ValidationMode mode, CancellationToken cancellationToken)
    {
        Volatile.Write(ref _mode, (int)mode);
        return Task.CompletedTask;
    }
}
