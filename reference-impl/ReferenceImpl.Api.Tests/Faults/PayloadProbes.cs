using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ReferenceImpl.Api.Hosting;

namespace ReferenceImpl.Api.Tests.Faults;

/// <summary>Probes of the normalization and distribution faults (contract sections 1, 2 and the validator's latency).</summary>
internal static partial class PayloadProbes
{
    /// <summary>An unknown stage in a payload is computed as seed, with no deprecation set.</summary>
    public static FaultProbe UnknownStageAsSeed() => new(new ServiceOptions { Modes = Probe.Warn }, async host =>
    {
        using var document = await Probe.SimulateAsync(host, """[{"stage":"growth","weight":0.5},{"stage":"series-a","weight":0.5}]""");
        return document is not null && Probe.Weights(document).ContainsKey("seed");
    });

    /// <summary>An unknown companies filter returns seed companies, while the deprecation set is still sent.</summary>
    public static FaultProbe UnknownFilterAsSeed() => new(new ServiceOptions { Modes = Probe.Warn }, async host =>
    {
        using var response = await Probe.CompaniesAsync(host, "growth");
        var body = await response.Content.ReadAsStringAsync();
        return Probe.Header(response, "Deprecation") == "true" && body.Contains("\"stage\":\"seed\"", StringComparison.Ordinal);
    });

    /// <summary><c>series-c+</c> is answered as an unknown stage.</summary>
    public static FaultProbe SeriesCPlusUnknown() => new(new ServiceOptions { Modes = Probe.Warn }, async host =>
    {
        using var response = await Probe.AllocateAsync(host, "series-c+", "Series C+");
        return response.IsSuccessStatusCode && Probe.Header(response, "X-Stage-Deprecated-Variants") is not null
            && !(await response.Content.ReadAsStringAsync()).Contains("\"byStage\":{\"series-c+\"", StringComparison.Ordinal);
    });

    /// <summary>A sum of 1.00005 (inside the tolerance) is served as sent, not rescaled to 1 within 1e-6.</summary>
    public static FaultProbe NoRescaleInTolerance() => new(new ServiceOptions { Modes = Probe.Warn }, async host =>
    {
        using var document = await Probe.SimulateAsync(host, """[{"stage":"seed","weight":0.50005},{"stage":"series-a","weight":0.5}]""");
        return document is not null && Math.Abs(1 - Probe.Weights(document).Values.Sum()) > 1e-6;
    });

    /// <summary><c>seed 0.3 + Seed 0.2</c> do not merge to seed 0.5.</summary>
    public static FaultProbe DuplicatesOverwrite() => new(new ServiceOptions { Modes = Probe.Warn }, async host =>
    {
        using var document = await Probe.SimulateAsync(host, """[{"stage":"seed","weight":0.3},{"stage":"Seed","weight":0.2},{"stage":"series-a","weight":0.5}]""");
        return document is not null && Math.Abs(Probe.Weights(document)["seed"] - 0.5) > 1e-9;
    });

    /// <summary>A distribution summing to 0.5 is served instead of 400 INVALID_STAGE_WEIGHTS.</summary>
    public static FaultProbe SumCheckOff() => new(new ServiceOptions { Modes = Probe.Warn }, async host =>
    {
        using var document = await Probe.SimulateAsync(host, """[{"stage":"seed","weight":0.5}]""");
        return document is not null;
    });

    /// <summary>A full-width alias of seed (valid after NFKC) fails with 500.</summary>
    public static FaultProbe NonAscii500() => new(new ServiceOptions { Modes = Probe.Warn }, async host =>
    {
        using var response = await Probe.AllocateAsync(host, "\uff53\uff45\uff45\uff44");
        return response.StatusCode == HttpStatusCode.InternalServerError;
    });

    /// <summary>The validator's mean duration in the histogram is above 5 ms (warm-up excluded).</summary>
    public static FaultProbe SlowValidator() => new(new ServiceOptions { Modes = Probe.Warn }, async host =>
    {
        await Probe.CountAsync(host, 3, "seed", _ => true);
        var (sum, count) = await DurationAsync(host);
        await Probe.CountAsync(host, 10, "seed", _ => true);
        var (sumAfter, countAfter) = await DurationAsync(host);
        return countAfter - count == 10 && (sumAfter - sum) / 10 > 0.005;
    });

    private static async Task<(double Sum, double Count)> DurationAsync(ServiceHost host)
    {
        var text = await host.Client.GetStringAsync("/metrics");
        double Read(string suffix) => DurationSample().Matches(text).Where(m => m.Groups["kind"].Value == suffix)
            .Sum(m => double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture));
        return (Read("sum"), Read("count"));
    }

    [GeneratedRegex("^stage_validation_duration_seconds_(?<kind>sum|count)\\{.*\\} (?<value>\\S+)$", RegexOptions.Multiline)]
    private static partial Regex DurationSample();
}
