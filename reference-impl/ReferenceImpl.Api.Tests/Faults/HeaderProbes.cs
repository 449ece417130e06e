using System.Globalization;
using System.Text.RegularExpressions;
using ReferenceImpl.Api.Hosting;

namespace ReferenceImpl.Api.Tests.Faults;

/// <summary>Probes of the header and label faults (contract sections 4 and 9).</summary>
internal static partial class HeaderProbes
{
    /// <summary>Of 200 warn responses to an unknown stage, a few (but not all) lack the deprecation set.</summary>
    public static FaultProbe DeprecationSetGaps() => new(new ServiceOptions { Modes = Probe.Warn }, async host =>
        await Probe.CountAsync(host, 200, "growth", r => Probe.Header(r, "Deprecation") is null && Probe.Header(r, "X-Stage-Deprecated-Variants") is null)
            is > 0 and < 40);

    /// <summary>An unknown stage in off gets the deprecation set.</summary>
    public static FaultProbe DeprecationSetInOff() => new(new ServiceOptions { Modes = Probe.Off }, async host =>
    {
        using var response = await Probe.CompaniesAsync(host, "growth");
        return response.IsSuccessStatusCode && Probe.Header(response, "Deprecation") == "true" && Probe.Header(response, "X-Stage-Deprecated-Variants") is not null;
    });

    /// <summary>Fifteen distinct unknown values are all listed, without <c>,...(+N)</c>.</summary>
    public static FaultProbe UnboundedVariants() => new(new ServiceOptions { Modes = Probe.Warn }, async host =>
    {
        using var response = await host.Client.GetAsync("/api/funds/1/companies?" + string.Join("&", Enumerable.Range(0, 15).Select(i => $"stage=legacy-{i:D2}")));
        var header = Probe.Header(response, "X-Stage-Deprecated-Variants") ?? "";
        return header.Split(',').Length == 15 && !header.Contains("...(+", StringComparison.Ordinal);
    });

    /// <summary>Of 200 stage responses, a few (but not all) lack <c>X-Stage-Mode</c>.</summary>
    public static FaultProbe ModeHeaderGaps() => new(new ServiceOptions { Modes = Probe.Warn }, async host =>
        await Probe.CountAsync(host, 200, "seed", r => Probe.Header(r, "X-Stage-Mode") is null) is > 0 and < 40);

    /// <summary>An unknown raw value shows up as a label value in <c>/metrics</c>.</summary>
    public static FaultProbe RawStageLabel() => new(new ServiceOptions { Modes = Probe.Warn }, async host =>
    {
        (await Probe.CompaniesAsync(host, "raw-label-probe-7")).Dispose();
        return (await host.Client.GetStringAsync("/metrics")).Contains("=\"raw-label-probe-7\"", StringComparison.Ordinal);
    });

    /// <summary>A warn answer to an unknown stage is right (deprecation set sent) but counted as result ok, not warn.</summary>
    public static FaultProbe UnknownNotCounted() => new(new ServiceOptions { Modes = Probe.Warn }, async host =>
    {
        using var response = await Probe.CompaniesAsync(host, "growth");
        var text = await host.Client.GetStringAsync("/metrics");
        double Counted(string result) => ValidationSample().Matches(text).Where(m => m.Groups["result"].Value == result)
            .Sum(m => double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture));
        return response.IsSuccessStatusCode && Probe.Header(response, "Deprecation") == "true" && Counted("ok") == 1 && Counted("warn") == 0;
    });

    [GeneratedRegex("^stage_validation_validations_total\\{.*result=\"(?<result>[a-z_]+)\".*\\} (?<value>\\S+)$", RegexOptions.Multiline)]
    private static partial Regex ValidationSample();
}
