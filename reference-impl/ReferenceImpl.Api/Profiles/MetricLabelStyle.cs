namespace ReferenceImpl.Api.Profiles;

/// <summary>The profile's spelling of the label values the contract leaves open: route templates and mode store operations.</summary>
public sealed class MetricLabelStyle
{
    /// <summary>What the request envelope reports when no route matched.</summary>
    public const string Unmatched = "unmatched";

    private readonly ServiceProfile _profile;

    public MetricLabelStyle(ServiceProfile profile) => _profile = profile ?? throw new ArgumentNullException(nameof(profile));

    /// <summary>The <c>endpoint</c> label of an ASP.NET Core route template (or <see cref="Unmatched"/>).</summary>
    public string Endpoint(string template) =>
        template == Unmatched ? _profile.UnmatchedRouteLabel : RouteSpelling.Spell(_profile.Routes, template);

    /// <summary>The <c>operation</c> label of a mode store call, <c>read</c> or <c>write</c>.</summary>
    public string Operation(string operation) => operation switch
    {
        "read" => _profile.ModeStoreReadOperation,
        "write" => _profile.ModeStoreWriteOperation,
        _ => operation,
    };
}
