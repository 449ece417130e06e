using StageContract.Normalization;

namespace StageContract.Distributions;

/// <summary>One <c>{stage, weight}</c> entry of a distribution, as it arrived.</summary>
public readonly record struct WeightedStage(RawStage Stage, double Weight);
