namespace ReferenceImpl.Api.Deprecations;

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
