namespace ReferenceImpl.Api.Profiles;

/// <summary>The alternative profile's problem details: URN types, one title per code, other service-specific codes, a charset parameter.</summary>
internal static class AlternativeProblems
{
    /// <summary>Only codes the contract does not name are renamed; the contract's five stay as they are.</summary>
    private static readonly Dictionary<string, string> Renamed = new(StringComparer.Ordinal)
    {
        ["MALFORMED_JSON"] = "INVALID_JSON",
        ["UNSUPPORTED_MEDIA_TYPE"] = "UNSUPPORTED_CONTENT_TYPE",
        ["PAYLOAD_TOO_LARGE"] = "BODY_TOO_LARGE",
        ["NOT_FOUND"] = "RESOURCE_NOT_FOUND",
        ["METHOD_NOT_ALLOWED"] = "METHOD_NOT_SUPPORTED",
        ["UNAUTHORIZED"] = "AUTHENTICATION_FAILED",
        ["REPLAY"] = "DUPLICATE_DELIVERY",
        ["RESERVE_EXCEEDED"] = "RESERVE_CAPACITY_EXCEEDED",
        ["OPS_API_DISABLED"] = "OPS_DISABLED",
        ["INTERNAL_ERROR"] = "UNEXPECTED_ERROR",
        ["REPLAY_STORE_UNAVAILABLE"] = "REPLAY_CHECK_UNAVAILABLE",
        ["STORE_UNAVAILABLE"] = "DATABASE_UNAVAILABLE",
    };

    private static readonly Dictionary<string, string> Titles = new(StringComparer.Ordinal)
    {
        ["VALIDATION_ERROR"] = "Request validation failed",
        ["INVALID_STAGE_WEIGHTS"] = "Stage weights out of tolerance",
        ["INVALID_STAGE_DISTRIBUTION"] = "Invalid stage in distribution",
        ["INVALID_STAGE"] = "Invalid stage",
        ["NO_KNOWN_STAGES"] = "No recognized stage",
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
