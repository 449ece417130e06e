namespace ReferenceImpl.Api.Profiles;

/// <summary>
/// Every choice the contract leaves open, in one place (<c>STAGE_PROFILE</c>). <see cref="Default"/>
/// is the reference service as it always answered; <see cref="Alternative"/> makes another valid
/// choice at every point, so that a harness judging by the reference's own bytes instead of by the
/// contract fails it. Both conform to the contract exactly. The choices are listed in
/// docs/decisions.md ("Profiles").
/// </summary>
public sealed record ServiceProfile
{
    /// <summary>The <c>STAGE_PROFILE</c> value.</summary>
    public required string Name { get; init; }

    /// <summary>Layout of <c>GET /api/deprecations</c>.</summary>
    public required SelfReportShape SelfReport { get; init; }

    /// <summary>The <c>Sunset</c> value (IMF-fixdate); null: the contract data's. <c>STAGE_SUNSET</c> overrides it.</summary>
    public string? Sunset { get; init; }

    /// <summary>The docs URL of <c>X-Stage-Docs</c> and <c>Link</c>; null: the contract data's. <c>STAGE_DOCS_URL</c> overrides it.</summary>
    public string? DocsUrl { get; init; }

    /// <summary>The <c>X-Stage-Recommendation</c> text; null: the contract data's.</summary>
    public string? Recommendation { get; init; }

    /// <summary>Response header names the service chooses are sent in lower case (names are case-insensitive).</summary>
    public required bool LowerCaseHeaderNames { get; init; }

    /// <summary>How <c>X-Stage-Deprecated-Variants</c> lists and encodes values.</summary>
    public required VariantListStyle Variants { get; init; }

    /// <summary>The <c>rel</c> parameter of <c>Link</c> as written: quoted string or token (RFC 8288 allows both).</summary>
    public required string LinkRelation { get; init; }

    /// <summary>Spelling of route templates in the <c>endpoint</c> label and the self-report's overrides.</summary>
    public required RouteStyle Routes { get; init; }

    /// <summary>The <c>endpoint</c> label of <c>http_requests_total</c> for a request no route matched.</summary>
    public required string UnmatchedRouteLabel { get; init; }

    /// <summary>The <c>operation</c> label of <c>stage_mode_redis_errors_total</c> for a mode read.</summary>
    public required string ModeStoreReadOperation { get; init; }

    /// <summary>The <c>operation</c> label of <c>stage_mode_redis_errors_total</c> for a mode write.</summary>
    public required string ModeStoreWriteOperation { get; init; }

    /// <summary>Upper bounds of <c>stage_validation_duration_seconds</c> (the contract asks that they reach down to 10 µs).</summary>
    public required IReadOnlyList<double> DurationBuckets { get; init; }

    /// <summary>Problem <c>type</c> URIs, titles, service-specific codes and media type.</summary>
    public required ProblemStyle Problems { get; init; }

    /// <summary>Creates answer 201 with <c>Location</c> (true) or 200 without it (false).</summary>
    public required bool CreatedWithLocation { get; init; }

    /// <summary>How an allocation item with an unknown stage is echoed.</summary>
    public required UnknownItemEcho UnknownItems { get; init; }

    /// <summary>What an unknown companies filter matches.</summary>
    public required UnknownFilterMatch UnknownFilter { get; init; }

    /// <summary>The member that echoes entries left out for an unknown stage (Monte Carlo, strategies).</summary>
    public required string IgnoredStagesMember { get; init; }

    /// <summary>The <see cref="Guid.ToString(string)"/> format of a request id made up when none was sent (still a GUID).</summary>
    public required string RequestIdFormat { get; init; }

    /// <summary>The reference service as it always answered.</summary>
    public static ServiceProfile Default { get; } = new()
    {
        Name = "default",
        SelfReport = SelfReportShape.Flat,
        LowerCaseHeaderNames = false,
        Variants = VariantListStyle.Contract,
        LinkRelation = "\"deprecation\"",
        Routes = RouteStyle.AspNet,
        UnmatchedRouteLabel = "unmatched",
        ModeStoreReadOperation = "read",
        ModeStoreWriteOperation = "write",
        DurationBuckets = Prometheus.Histogram.ExponentialBuckets(0.00001, 2, 17),
        Problems = new ProblemStyle("https://api.example.com/problems/", new Dictionary<string, string>(), new Dictionary<string, string>(), ProblemStyle.PlainContentType),
        CreatedWithLocation = true,
        UnknownItems = UnknownItemEcho.NullStageWithRawStage,
        UnknownFilter = UnknownFilterMatch.Nothing,
        IgnoredStagesMember = "ignoredStages",
        RequestIdFormat = "D",
    };

    /// <summary>Another conforming service: a different valid choice wherever the contract leaves one.</summary>
    public static ServiceProfile Alternative { get; } = new()
    {
        Name = "alternative",
        SelfReport = SelfReportShape.Items,
        Sunset = "Fri, 31 Mar 2028 12:00:00 GMT",
        DocsUrl = "https://developer.example.org/guides/stage-values",
        Recommendation = "Unknown stage values will be rejected once enforcement starts; correct them using the migration guide.",
        LowerCaseHeaderNames = true,
        Variants = new VariantListStyle(VariantEncoding.Rfc3986Unreserved, VariantOrder.Ordinal, EmptyValue: "", MaxLength: 40, CutMarker: ""),
        LinkRelation = "deprecation",
        Routes = RouteStyle.Express,
        UnmatchedRouteLabel = "no_route",
        ModeStoreReadOperation = "get",
        ModeStoreWriteOperation = "set",
        DurationBuckets = [0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
        Problems = AlternativeProblems.Style,
        CreatedWithLocation = false,
        UnknownItems = UnknownItemEcho.RawValueInStage,
        UnknownFilter = UnknownFilterMatch.StoredStageLiterally,
        IgnoredStagesMember = "unrecognizedStages",
        RequestIdFormat = "N",
    };

    /// <summary>Every profile, by name.</summary>
    public static IReadOnlyList<ServiceProfile> All { get; } = [Default, Alternative];

    /// <summary>The profile named <paramref name="name"/>, or null.</summary>
    public static ServiceProfile? Named(string? name) => All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));

    /// <summary>The profile of the service answering <paramref name="context"/>.</summary>
    public static ServiceProfile Of(HttpContext context) =>
        context?.RequestServices?.GetService(typeof(ServiceProfile)) as ServiceProfile ?? Default;
}
