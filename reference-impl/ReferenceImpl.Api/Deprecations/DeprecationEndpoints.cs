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

/// <summary>The body of <c>GET /api/deprecations</c>.</summary>
/// <param name="Mode">The global mode in force now (mode store, else configuration).</param>
/// <param name="ConfiguredMode">The global mode the service was started with.</param>
/// <param name="DryRun">Warn is served as shadow.</param>
/// <param name="EnforcementPercent">Share of request ids in the enforcement bucket.</param>
/// <param name="EnforceWriteOnly">Writes in warn are enforced, reads in enforce warned.</param>
/// <param name="Overrides">Per-endpoint modes by route template.</param>
/// <param name="Sunset">The Sunset header value.</param>
/// <param name="DocsUrl">The migration guide.</param>
/// <param name="ValidStages">The canonical stages, in order.</param>
/// <param name="ContractVersion">Version of the contract data file.</param>
public sealed record DeprecationInfo(
    string Mode,
    string ConfiguredMode,
    bool DryRun,
    int EnforcementPercent,
    bool EnforceWriteOnly,
    IReadOnlyDictionary<string, string> Overrides,
    string Sunset,
    string DocsUrl,
    IReadOnlyList<string> ValidStages,
    int ContractVersion);
