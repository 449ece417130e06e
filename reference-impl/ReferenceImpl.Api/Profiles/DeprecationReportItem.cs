using System.Text.Json.Serialization;

namespace ReferenceImpl.Api.Profiles;

/// <summary>One entry of <see cref="DeprecationReport"/>, in snake_case.</summary>
/// <param name="CurrentMode">The global mode in force now.</param>
/// <param name="ConfiguredMode">The global mode the service was started with.</param>
/// <param name="DryRun">Warn is served as shadow.</param>
/// <param name="EnforcementPercent">Share of request ids in the enforcement bucket.</param>
/// <param name="EnforceWriteOnly">Writes in warn are enforced, reads in enforce warned.</param>
/// <param name="EndpointOverrides">Per-endpoint modes by route (profile spelling).</param>
/// <param name="Sunset">The Sunset header value.</param>
/// <param name="DocsUrl">The migration guide.</param>
/// <param name="ValidStages">The canonical stages, in order.</param>
/// <param name="ContractVersion">Version of the contract data file.</param>
public sealed record DeprecationReportItem(
    [property: JsonPropertyName("current_mode")] string CurrentMode,
    [property: JsonPropertyName("configured_mode")] string ConfiguredMode,
    [property: JsonPropertyName("dry_run")] bool DryRun,
    [property: JsonPropertyName("enforcement_percent")] int EnforcementPercent,
    [property: JsonPropertyName("enforce_write_only")] bool EnforceWriteOnly,
    [property: JsonPropertyName("endpoint_overrides")] IReadOnlyDictionary<string, string> EndpointOverrides,
    [property: JsonPropertyName("sunset")] string Sunset,
    [property: JsonPropertyName("docs_url")] string DocsUrl,
    [property: JsonPropertyName("valid_stages")] IReadOnlyList<string> ValidStages,
    [property: JsonPropertyName("contract_version")] int ContractVersion);
