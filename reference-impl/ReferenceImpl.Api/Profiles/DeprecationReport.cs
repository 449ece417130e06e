using ReferenceImpl.Api.Deprecations;

namespace ReferenceImpl.Api.Profiles;

/// <summary>The <see cref="SelfReportShape.Items"/> layout of <c>GET /api/deprecations</c>: <c>{"items":[{...}]}</c>.</summary>
public sealed record DeprecationReport(IReadOnlyList<DeprecationReportItem> Items)
{
    /// <summary>The same facts as the flat report, overrides keyed in the profile's route spelling.</summary>
    public static DeprecationReport From(DeprecationInfo info, RouteStyle routes)
    {
        ArgumentNullException.ThrowIfNull(info);
        return new([new DeprecationReportItem(
            info.Mode,
            info.ConfiguredMode,
            info.DryRun,
            info.EnforcementPercent,
            info.EnforceWriteOnly,
            info.Overrides.ToDictionary(o => RouteSpelling.Spell(routes, o.Key), o => o.Value, StringComparer.Ordinal),
            info.Sunset,
            info.DocsUrl,
            info.ValidStages,
            info.ContractVersion)]);
    }
}
