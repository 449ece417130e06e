using System.Globalization;
using Harness.Engine.Plans;

namespace Harness.Engine.Reports.Kit;

/// <summary>
/// What a phase's configuration means for the people who roll it out (contract section 3): the
/// environment settings that give it, and the kill switch, the global mode under which this
/// configuration enforces nothing.
/// </summary>
public static class PhaseSettings
{
    /// <summary>The contract's environment settings of a configuration, one <c>NAME=value</c> a line.</summary>
    public static IReadOnlyList<string> Environment(PhaseConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return
        [
            $"STAGE_VALIDATION_MODE={configuration.Mode}",
            $"ENFORCEMENT_PERCENT={configuration.EnforcementPercent.ToString(CultureInfo.InvariantCulture)}",
            $"ENFORCE_WRITE_ONLY={Flag(configuration.EnforceWriteOnly)}",
            $"STAGE_VALIDATION_DRY_RUN={Flag(configuration.DryRun)}",
        ];
    }

    /// <summary>
    /// The global mode to set through the mode store to stop every rejection at once, with why;
    /// null when the configuration rejects nothing. With <c>enforceWriteOnly</c> a write in warn is
    /// enforced (section 3, step 2), so only <c>off</c> stops it; otherwise warn keeps the
    /// deprecation headers and stops the rejections.
    /// </summary>
    public static (string Mode, string Why)? KillSwitch(PhaseConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration.EnforceWriteOnly && configuration.Mode != "off")
        {
            return ("off", "with ENFORCE_WRITE_ONLY a write in warn is still enforced, so only off stops the rejections; restore warn after redeploying without write-only");
        }

        return configuration.Mode switch
        {
            "enforce" when configuration.EnforcementPercent > 0 => ("warn", "nothing is rejected in warn, and clients keep getting the deprecation headers"),
            "warn" or "enforce" => ("off", "off stops the deprecation headers as well"),
            _ => null,
        };
    }

    /// <summary>Per-endpoint overrides that enforce whatever the global mode is (section 3, step 1): the mode store cannot stop them.</summary>
    public static IReadOnlyList<string> EnforcingOverrides(PhaseConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return [.. configuration.Overrides.Where(o => o.Value == "enforce").Select(o => o.Key).Order(StringComparer.Ordinal)];
    }

    /// <summary>A value quoted for a POSIX shell.</summary>
    public static string ShellQuote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }

    private static string Flag(bool value) => value ? "true" : "false";
}
