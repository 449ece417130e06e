namespace GoldenPayloads.Oracle;

/// <summary>The problem <c>code</c> values the contract names (section 5).</summary>
public static class ProblemCodes
{
    public const string ValidationError = "VALIDATION_ERROR";
    public const string InvalidStageWeights = "INVALID_STAGE_WEIGHTS";
    public const string InvalidStageDistribution = "INVALID_STAGE_DISTRIBUTION";
    public const string InvalidStage = "INVALID_STAGE";
    public const string NoKnownStages = "NO_KNOWN_STAGES";
}
