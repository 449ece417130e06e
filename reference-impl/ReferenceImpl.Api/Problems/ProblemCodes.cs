namespace ReferenceImpl.Api.Problems;

/// <summary>The <c>code</c> values of problem bodies (contract section 5, plus the service's own).</summary>
public static class ProblemCodes
{
    public const string ValidationError = "VALIDATION_ERROR";
    public const string InvalidStageWeights = "INVALID_STAGE_WEIGHTS";
    public const string InvalidStageDistribution = "INVALID_STAGE_DISTRIBUTION";
    public const string InvalidStage = "INVALID_STAGE";
    public const string NoKnownStages = "NO_KNOWN_STAGES";
    public const string MalformedJson = "MALFORMED_JSON";
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";
    public const string PayloadTooLarge = "PAYLOAD_TOO_LARGE";
    public const string NotFound = "NOT_FOUND";
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";
    public const string Unauthorized = "UNAUTHORIZED";
    public const string Replay = "REPLAY";
    public const string ReserveExceeded = "RESERVE_EXCEEDED";
    public const string OpsDisabled = "OPS_API_DISABLED";
    public const string InternalError = "INTERNAL_ERROR";
    public const string ReplayStoreUnavailable = "REPLAY_STORE_UNAVAILABLE";
    public const string StoreUnavailable = "STORE_UNAVAILABLE";
}
