using StageContract.Endpoints;

namespace StageContract.Problems;

/// <summary>
/// What an enforce rejection of unknown stages answers (contract section 5): 400 with
/// <c>INVALID_STAGE_DISTRIBUTION</c> for array input and <c>INVALID_STAGE</c> for object, query and
/// scalar input, plus <c>invalid</c>, <c>suggestions</c> (<see cref="StageSuggestion"/>) and <c>validStages</c>.
/// </summary>
/// <param name="Status">The HTTP status, 400.</param>
/// <param name="Code">The problem <c>code</c>.</param>
public sealed record StageRejection(int Status, string Code)
{
    /// <summary>The rejection of array input.</summary>
    public static StageRejection OfDistribution { get; } = new(400, ProblemCodes.InvalidStageDistribution);

    /// <summary>The rejection of object, query and scalar input.</summary>
    public static StageRejection OfStage { get; } = new(400, ProblemCodes.InvalidStage);

    /// <summary>The rejection for an endpoint's input type; there is none without stage input.</summary>
    /// <summary>True for the codes of an enforce rejection of a stage (<c>INVALID_STAGE</c>, <c>INVALID_STAGE_DISTRIBUTION</c>): the rollout's intended rejections, counted as the reject rate and never as errors.</summary>
    public static bool IsStageRejection(string code) => code == OfDistribution.Code || code == OfStage.Code;

    public static StageRejection For(StageInputType inputType) => inputType switch
    {
        StageInputType.Array => OfDistribution,
        StageInputType.Object or StageInputType.Query or StageInputType.Scalar => OfStage,
        _ => throw new ArgumentOutOfRangeException(nameof(inputType), inputType, "no stage input, nothing to reject"),
    };

    /// <summary>True when a problem code is a stage rejection's (either input type).</summary>
    public static bool IsRejectionCode(string? code) => code is ProblemCodes.InvalidStageDistribution or ProblemCodes.InvalidStage;
}
