namespace Harness.Engine.Diff;

/// <summary>Where a diff request comes from.</summary>
public enum DiffSource
{
    /// <summary>A payload of the golden corpus.</summary>
    Golden,

    /// <summary>A seeded generated request (the generators of generated traffic).</summary>
    Generated,

    /// <summary>A request of a replayed capture (<c>--capture</c>).</summary>
    Capture,
}
