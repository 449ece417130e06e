namespace ReferenceImpl.Api.Profiles;

/// <summary>How a route template is spelled where the service shows it (metric labels, the self-report's overrides).</summary>
public enum RouteStyle
{
    /// <summary>ASP.NET Core: <c>/api/allocations/{id}</c>.</summary>
    AspNet,

    /// <summary>Express: <c>/api/allocations/:id</c>.</summary>
    Express,
}
