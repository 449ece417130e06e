using StageContract.Modes;

namespace ReferenceImpl.Api.ModeStore;

/// <summary>Where the run-time global mode lives (Redis key <c>stage:validation:mode</c> in production).</summary>
public interface IModeStore
{
    /// <summary>The stored mode, or null when none was ever stored. Throws on store failure.</summary>
    Task<ValidationMode?> ReadAsync(CancellationToken cancellationToken);

    /// <summary>Stores the mode. Throws on store failure.</summary>
    Task WriteAsync(ValidationMode mode, CancellationToken cancellationToken);
}
