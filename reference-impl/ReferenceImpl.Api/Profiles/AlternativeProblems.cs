using ReferenceImpl.Api.Problems;
using StageContract.Problems;

namespace ReferenceImpl.Api.Profiles;

/// <summary>The alternative profile's problem details: URN types, one title per code, other service-specific codes, a charset parameter.</summary>
internal static class AlternativeProblems
{
    /// <summary>Only codes the contract does not name are renamed; the contract's five stay as they are.</summary>
    private static readonly Dictionary<string, string> Renamed = new(StringComparer.Ordinal)
    {
        [ServiceProblemCodes.MalformedJson] = "INVALID_JSON",
        [ServiceProblemCodes.UnsupportedMediaType] = "UNSUPPORTED_CONTENT_TYPE",
        [ServiceProblemCodes.PayloadTooLarge] = "BODY_TOO_LARGE",
        [ServiceProblemCodes.NotFound] = "RESOURCE_NOT_FOUND",
        [ServiceProblemCodes.MethodNotAllowed] = "METHOD_NOT_SUPPORTED",
        [ServiceProblemCodes.Unauthorized] = "AUTHENTICATION_FAILED",
        [ServiceProblemCodes.Replay] = "DUPLICATE_DELIVERY",
        [ServiceProblemCodes.ReserveExceeded] = "RESERVE_CAPACITY_EXCEEDED",
        [ServiceProblemCodes.OpsDisabled] = "OPS_DISABLED",
        [ServiceProblemCodes.InternalError] = "UNEXPECTED_ERROR",
        [ServiceProblemCodes.ReplayStoreUnavailable] = "REPLAY_CHECK_UNAVAILABLE",
        [ServiceProblemCodes.StoreUnavailable] = "DATABASE_UNAVAILABLE",
    };

    private static readonly Dictionary<string, string> Titles = new(StringComparer.Ordinal)
    {
        [ProblemCodes.ValidationError] = "Request validation failed",
        [ProblemCodes.InvalidStageWeights] = "Stage weights out of tolerance",
        [ProblemCodes.InvalidStageDistribution] = "Invalid stage in distribution",
        [ProblemCodes.InvalidStage] = "Invalid stage",
        [ProblemCodes.NoKnownStages] = "No recognized stage",
        ["INVALID_JSON"] = "Body is not valid JSON",
        ["UNSUPPORTED_CONTENT_TYPE"] = "Content type not supported",
        ["BODY_TOO_LARGE"] = "Request body too large",
        ["RESOURCE_NOT_FOUND"] = "Resource not found",
        ["METHOD_NOT_SUPPORTED"] = "Method not supported",
        ["AUTHENTICATION_FAILED"] = "Authentication failed",
        ["DUPLICATE_DELIVERY"] = "Duplicate delivery",
        ["RESERVE_CAPACITY_EXCEEDED"] = "Reserve capacity exceeded",
        ["OPS_DISABLED"] = "Operations API disabled",
        ["UNEXPECTED_ERROR"] = "Unexpected error",
        ["REPLAY_CHECK_UNAVAILABLE"] = "Replay check unavailable",
        ["DATABASE_UNAVAILABLE"] = "Database unavailable",
    };

    /// <summary>The style.</summary>
    public static ProblemStyle Style { get; } = new("urn:problem:stage:", Renamed, Titles, "application/problem+json; charset=utf-8");
}
