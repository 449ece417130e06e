using System.Globalization;

namespace Harness.Engine.Observability.Live;

/// <summary>
/// How the rehearsal's Prometheus judges time (a plan's <c>observability:</c> block): the scrape and
/// evaluation interval, the range of the rules' rates and the <c>for:</c> of their alerts. The
/// shipped rules use production lengths (5-minute rates, alerts held 2 to 30 minutes); a rehearsal
/// loads them with these shorter ones so that a phase takes minutes, not hours. A plan that wants
/// production lengths sets them here (<c>ruleWindow: 300</c>, <c>alertFor: 900</c>).
/// </summary>
public sealed record ObservabilitySettings
{
    /// <summary>The defaults: scrape and evaluate every second, 10 s rates, alerts held 5 s.</summary>
    public static ObservabilitySettings Default { get; } = new();

    /// <summary>Seconds between scrapes and between rule evaluations; default 1.</summary>
    public double ScrapeSeconds { get; init; } = 1;

    /// <summary>Range of every <c>rate(...[5m])</c> of the shipped rules in the rehearsal, in seconds; default 10.</summary>
    public double RuleWindowSeconds { get; init; } = 10;

    /// <summary>The <c>for:</c> of every shipped alert in the rehearsal, in seconds; default 5.</summary>
    public double AlertForSeconds { get; init; } = 5;

    /// <summary>The job label the rehearsal's Prometheus gives the target, and that gates select with <c>$job</c>; default <c>stage-validation</c>.</summary>
    public string Job { get; init; } = "stage-validation";

    /// <summary>A duration as Prometheus writes it (whole milliseconds).</summary>
    public static string Duration(double seconds) =>
        Math.Abs(seconds - Math.Round(seconds)) < 1e-9
            ? string.Create(CultureInfo.InvariantCulture, $"{Math.Round(seconds):0}s")
            : string.Create(CultureInfo.InvariantCulture, $"{Math.Round(seconds * 1000):0}ms");

    /// <summary>Why these settings cannot be used, or null.</summary>
    public string? Problem() =>
        ScrapeSeconds is < 0.1 or > 60 ? "observability.scrapeInterval must be between 0.1 and 60 seconds"
        : RuleWindowSeconds < 2 * ScrapeSeconds || RuleWindowSeconds > 86_400 ? "observability.ruleWindow must be at least two scrape intervals and at most a day"
        : AlertForSeconds is < 0 or > 86_400 ? "observability.alertFor must be between 0 and a day"
        : string.IsNullOrWhiteSpace(Job) || Job.Contains('"', StringComparison.Ordinal) || Job.Contains('\\', StringComparison.Ordinal) ? "observability.job must be a non-empty label value without quotes or backslashes"
        : null;
}
