namespace ReferenceImpl.Api.Problems;

/// <summary>
/// The service's own problem <c>code</c> values, for the problems the contract names no code for
/// (malformed JSON, unknown route, ... see docs/decisions.md). The contract's codes are
/// <see cref="StageContract.Problems.ProblemCodes"/>; these stay here because only this service
/// produces them and no other project matches on them.
/// </summary>
public static class ServiceProblemCodes
{
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
