namespace StageContract.Problems;

/// <summary>
/// The problem <c>code</c> values the contract names (section 5). Codes a service uses for other
/// problems (malformed JSON, unknown route, ...) are the service's own and live with it.
/// </summary>
public static class ProblemCodes
{
    /// <summary>A structural rule of section 2 failed (400), in every mode.</summary>
    public const string ValidationError = "VALIDATION_ERROR";

    /// <summary>The weights do not sum to 1 within the tolerance (400), in every mode.</summary>
    public const string InvalidStageWeights = "INVALID_STAGE_WEIGHTS";

    /// <summary>An unknown stage in array input, rejected in enforce (400).</summary>
    public const string InvalidStageDistribution = "INVALID_STAGE_DISTRIBUTION";

    /// <summary>An unknown stage in object, query or scalar input, rejected in enforce (400).</summary>
    public const string InvalidStage = "INVALID_STAGE";

    /// <summary>A distribution with no known stage left outside enforce (422).</summary>
    public const string NoKnownStages = "NO_KNOWN_STAGES";

    /// <summary>Every code the contract names, in the order above.</summary>
    public static IReadOnlyList<string> All { get; } = [ValidationError, InvalidStageWeights, InvalidStageDistribution, InvalidStage, NoKnownStages];
}
