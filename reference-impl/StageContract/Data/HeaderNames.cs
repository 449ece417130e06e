namespace StageContract.Data;

/// <summary>Names of the headers the contract defines (contract sections 3 and 4).</summary>
public sealed record HeaderNames
{
    /// <summary>Default <c>X-Stage-Mode</c>.</summary>
    public string Mode { get; init; } = "X-Stage-Mode";

    /// <summary>Default <c>X-Request-Id</c>.</summary>
    public string RequestId { get; init; } = "X-Request-Id";

    /// <summary>Default <c>Deprecation</c>.</summary>
    public string Deprecation { get; init; } = "Deprecation";

    /// <summary>Default <c>Sunset</c>.</summary>
    public string Sunset { get; init; } = "Sunset";

    /// <summary>Default <c>Link</c>.</summary>
    public string Link { get; init; } = "Link";

    /// <summary>Default <c>X-Stage-Deprecated-Variants</c>.</summary>
    public string DeprecatedVariants { get; init; } = "X-Stage-Deprecated-Variants";

    /// <summary>Default <c>X-Stage-Docs</c>.</summary>
    public string Docs { get; init; } = "X-Stage-Docs";

    /// <summary>Default <c>X-Stage-Would-Reject</c>.</summary>
    public string WouldReject { get; init; } = "X-Stage-Would-Reject";

    /// <summary>Default <c>X-Stage-Recommendation</c>.</summary>
    public string Recommendation { get; init; } = "X-Stage-Recommendation";

    /// <summary>Every header name, for validation and for scanning responses.</summary>
    public IEnumerable<string> All =>
        [Mode, RequestId, Deprecation, Sunset, Link, DeprecatedVariants, Docs, WouldReject, Recommendation];
}
