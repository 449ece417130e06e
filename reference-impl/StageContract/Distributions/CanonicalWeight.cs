namespace StageContract.Distributions;

/// <summary>A canonical stage and its weight in a computed distribution.</summary>
public readonly record struct CanonicalWeight(string Stage, double Weight);
