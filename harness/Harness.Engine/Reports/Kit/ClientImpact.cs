using System.Globalization;
using Harness.Engine.Plans;

namespace Harness.Engine.Reports.Kit;

/// <summary>
/// What API clients see under a configuration (contract sections 3-5), in the words of a changelog:
/// one sentence per kind of request that is treated differently.
/// </summary>
public static class ClientImpact
{
    /// <summary>The sentences for requests that carry at least one unknown stage.</summary>
    public static IReadOnlyList<string> ForUnknownStages(PhaseConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var lines = new List<string>();
        var percent = Math.Clamp(configuration.EnforcementPercent, 0, 100);
        var softly = configuration.DryRun ? Shadow : Warn;
        if (configuration.EnforceWriteOnly && configuration.Mode != "off" && percent > 0)
        {
            lines.Add(Reject("Writes (POST, PUT and PATCH on `/api/portfolio/strategies` and `/api/allocations`)", percent));
            lines.Add("Reads: " + (configuration.Mode == "off" ? Off : softly));
        }
        else
        {
            lines.Add(configuration.Mode switch
            {
                "enforce" when percent == 0 => "Every request: " + softly,
                "enforce" => Reject("Requests", percent) + (percent < 100 ? " The others: " + softly : ""),
                "warn" => "Every request: " + softly,
                _ => "Every request: " + Off,
            });
        }

        foreach (var (route, mode) in configuration.Overrides.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            lines.Add($"`{MarkdownReportWriter.Cell(route)}` is configured on its own: {MarkdownReportWriter.Cell(mode)} whatever the global mode is.");
        }

        return lines;
    }

    /// <summary>What holds in every mode: canonical stages and aliases are accepted and normalized.</summary>
    public const string Unchanged =
        "Canonical stage names and their aliases are accepted in every mode and normalized before use; valid payloads get the same status and body as before.";

    private const string Off = "accepted as before, without headers (stage values are not checked).";

    private const string Warn =
        "accepted (2xx) with the deprecation headers `Deprecation: true`, `Sunset`, `X-Stage-Deprecated-Variants` (the unknown values), `X-Stage-Docs` and `Link: <docs>; rel=\"deprecation\"`.";

    private const string Shadow =
        "accepted (2xx) with the deprecation headers, plus `X-Stage-Would-Reject: true` and `X-Stage-Recommendation` (what enforce will do).";

    private static string Reject(string who, int percent) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{who} {(percent >= 100 ? "are" : $"in the enforcement bucket (about {percent} %, chosen by the `X-Request-Id`: the same id always gets the same answer) are")} rejected with 400 problem+json, `code` `INVALID_STAGE_DISTRIBUTION` (array input) or `INVALID_STAGE`, with `invalid`, `suggestions` and `validStages`.");
}
