using System.Globalization;

namespace Scenarios.Catalogue;

/// <summary>The configuration a segment rehearses (contract section 3), as plain values.</summary>
/// <param name="Mode"><c>off</c>, <c>warn</c> or <c>enforce</c>.</param>
/// <param name="EnforcementPercent">0-100; default 100.</param>
/// <param name="DryRun">Warn is served as shadow; default false.</param>
/// <param name="EnforceWriteOnly">Writes in warn are enforced and reads in enforce warned; default false.</param>
public sealed record SegmentConfiguration(string Mode, int EnforcementPercent = 100, bool DryRun = false, bool EnforceWriteOnly = false)
{
    /// <summary><c>enforce 25%</c>, <c>warn + dry run</c>.</summary>
    public override string ToString() =>
        Mode + (Mode == "enforce" ? string.Create(CultureInfo.InvariantCulture, $" {EnforcementPercent}%") : "")
        + (DryRun ? " + dry run" : "") + (EnforceWriteOnly ? " + write-only" : "");
}
