using StageContract.Normalization;

namespace StageContract.Distributions;

/// <summary>An evaluated distribution.</summary>
/// <param name="Summary">Status and flags.</param>
/// <param name="Errors">Structural errors by entry index (only for <see cref="DistributionStatus.InvalidWeight"/>).</param>
/// <param name="Entries">Every entry's normalization, in input order.</param>
/// <param name="Merged">Known stages merged in first-seen order with rescaled weights (meaningful when valid).</param>
/// <param name="Unknowns">Entries whose stage is unknown, in input order.</param>
public sealed record DistributionResult(
    DistributionSummary Summary,
    IReadOnlyList<EntryError> Errors,
    IReadOnlyList<NormalizedStage> Entries,
    IReadOnlyList<CanonicalWeight> Merged,
    IReadOnlyList<NormalizedStage> Unknowns)
{
    /// <summary>Shortcut for <c>Summary.Status</c>.</summary>
    public DistributionStatus Status => Summary.Status;
}
