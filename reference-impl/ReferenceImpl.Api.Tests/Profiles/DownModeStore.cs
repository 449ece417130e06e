using ReferenceImpl.Api.ModeStore;
using StageContract.Modes;

namespace ReferenceImpl.Api.Tests.Profiles;

/// <summary>A mode store that is down: every call fails.</summary>
internal sealed class DownModeStore : IModeStore
{
    public Task<ValidationMode?> ReadAsync(CancellationToken cancellationToken) => throw new InvalidOperationException("store down");

    public Task WriteAsync(ValidationMode mode, CancellationToken cancellationToken) => throw new InvalidOperationException("store down");
}
