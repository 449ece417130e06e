using GoldenPayloads.Running;

namespace GoldenPayloads.Comparison;

/// <summary>
/// Judges the three headers of the deprecation set whose values are the target's own configuration
/// (contract section 4): <c>Sunset</c>, <c>X-Stage-Docs</c> and <c>Link</c>. The harness learns them
/// from the target (or takes them from the plan); the golden tests of the reference service hold it to
/// its own data exactly (<see cref="ExactDeprecationValues"/>).
/// </summary>
public interface IDeprecationValueCheck
{
    /// <summary>How the three headers of <paramref name="actual"/>, which must carry the deprecation set, differ; empty when they agree.</summary>
    IReadOnlyList<GoldenDifference> Check(ObservedOutcome actual, string subject);
}
