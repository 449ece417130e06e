using Microsoft.AspNetCore.Http.HttpResults;
using ReferenceImpl.Api.Hosting;
using ReferenceImpl.Api.ModeStore;
using ReferenceImpl.Api.Profiles;
using StageContract;
using StageContract.Modes;

namespace ReferenceImpl.Api.Deprecations;

/// <summary><c>GET /api/deprecations</c>: the current configuration, so a harness can confirm what it is talking to.</summary>
public static class DeprecationEndpoints
{
    public static IEndpointRouteBuilder MapDeprecations(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/deprecations", GetAsync);
        return routes;
    }

    private static async Task<Results<Ok<DeprecationInfo>, Ok<DeprecationReport>>> GetAsync(ModeProvider modes, ServiceOptions options, ContractRules rules, CancellationToken cancellationToken)
    {
        var settings = options.Modes;
        var mode = await modes.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var info = new DeprecationInfo(
            mode.ToWire(),
            settings.GlobalMode.ToWire(),
            settings.DryRun,
            settings.EnforcementPercent,
            settings.EnforceWriteOnly,
            settings.Overrides.ToDictionary(o => o.Key, o => o.Value.ToWire(), StringComparer.Ordinal),
            rules.Data.Sunset,
            rules.Data.DocsUrl,
            rules.Data.Stages,
            rules.Data.Version);
        return options.Profile.SelfReport == SelfReportShape.Items
            ? TypedResults.Ok(DeprecationReport.From(info, options.Profile.Routes))
            : TypedResults.Ok(info);
    }
}
