namespace StageContract.Distributions;

/// <summary>The allocation-free result of <see cref="DistributionEvaluator.Evaluate(ReadOnlySpan{WeightedStage}, Span{Normalization.NormalizedStage}, Span{double}, Span{int})"/>.</summary>
/// <param name="Status">The verdict on the payload.</param>
/// <param name="FirstInvalidIndex">First entry with an invalid weight; -1 when none.</param>
/// <param name="Sum">Sum of every weight, unknown entries included.</param>
/// <param name="MergedCount">Distinct canonical stages, the length of the order span that was filled.</param>
/// <param name="UnknownCount">Entries whose stage is unknown.</param>
/// <param name="UsedAlias">At least one known entry was not written canonically.</param>
/// <param name="Rescaled">The known weights were multiplied to sum to 1.</param>
public readonly record struct DistributionSummary(
    DistributionStatus Status,
    int FirstInvalidIndex,
    double Sum,
    int MergedCount,
    int UnknownCount,
    bool UsedAlias,
    bool Rescaled);
