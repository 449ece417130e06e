namespace StageContract.Distributions;

/// <summary>How a distribution fared against the rules of contract section 2.</summary>
public enum DistributionStatus : byte
{
    /// <summary>Accepted: known weights merged and summing to 1 within the rescale tolerance.</summary>
    Valid,

    /// <summary>No entries (400 <c>VALIDATION_ERROR</c>).</summary>
    Empty,

    /// <summary>A weight is not finite or outside [0, 1] (400 <c>VALIDATION_ERROR</c>).</summary>
    InvalidWeight,

    /// <summary>The sum of all weights is farther from 1 than the sum tolerance (400 <c>INVALID_STAGE_WEIGHTS</c>).</summary>
    SumOutOfTolerance,

    /// <summary>Unknown entries left out, and no known weight remains (422 <c>NO_KNOWN_STAGES</c>).</summary>
    NoKnownStages,
}
