using System.Globalization;
using System.Text;
using Harness.Engine.Metrics;

namespace Observability.Tests;

/// <summary>
/// Turns what a real service counted during one load step (two scrapes of its <c>/metrics</c>) into
/// a promtool input: the step's mix, held for 45 minutes. Counters are summed over the labels the
/// rules aggregate away (endpoint, mode, input type) and rescaled to exactly 10,000 validations a
/// minute, so every share the rules compute is a whole number of ten-thousandths and its
/// <c>humanizePercentage</c> text is exact.
/// </summary>
internal static class ScenarioSeries
{
    public const int ValidationsPerMinute = 10_000;
    public const int Minutes = 45;

    /// <summary>The per-minute increments of each (metric, kept label) series, and the gauges.</summary>
    public sealed record Step(IReadOnlyDictionary<string, long> Counters, IReadOnlyDictionary<string, double> Gauges)
    {
        public long Of(string series) => Counters.TryGetValue(series, out var v) ? v : 0;
    }

    private static readonly (string Metric, string? Label)[] CounterSeries =
    [
        ("stage_validation_validations_total", "result"),
        ("stage_validation_errors_total", "error_code"),
        ("stage_deprecation_header_emitted_total", null),
        ("stage_enforce_rejects_total", null),
        ("stage_warn_unknown_total", null),
        ("stage_mode_redis_errors_total", "operation"),
        ("http_requests_total", "status_class"),
        ("stage_validation_duration_seconds_bucket", "le"),
    ];

    private static readonly string[] GaugeSeries = ["stage_validation_mode", "process_resident_memory_bytes"];

    public static Step Between(PrometheusScrape before, PrometheusScrape after)
    {
        var deltas = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (metric, label) in CounterSeries)
        {
            foreach (var group in after.Samples.Where(s => s.Name == metric).GroupBy(s => Key(metric, label, s)))
            {
                var was = before.Samples.Where(s => s.Name == metric && Key(metric, label, s) == group.Key).Sum(s => s.Value);
                deltas[group.Key] = group.Sum(s => s.Value) - was;
            }
        }

        var validations = deltas.Where(d => d.Key.StartsWith("stage_validation_validations_total", StringComparison.Ordinal)).ToList();
        var total = validations.Sum(d => d.Value);
        if (total <= 0)
        {
            throw new InvalidOperationException("the step caused no validation: nothing to turn into series");
        }

        var scale = ValidationsPerMinute / total;
        var counters = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (key, value) in deltas)
        {
            counters[key] = (long)Math.Round(value * scale, MidpointRounding.AwayFromZero);
        }

        // Largest remainder: the validations add up to exactly 10,000.
        var floors = validations.ToDictionary(v => v.Key, v => (long)Math.Floor(v.Value * scale));
        var left = ValidationsPerMinute - floors.Values.Sum();
        foreach (var v in validations.OrderByDescending(v => (v.Value * scale) - Math.Floor(v.Value * scale)).ThenBy(v => v.Key, StringComparer.Ordinal))
        {
            counters[v.Key] = floors[v.Key] + (left-- > 0 ? 1 : 0);
        }

        var gauges = GaugeSeries.Where(g => after.Samples.Any(s => s.Name == g)).ToDictionary(g => g, g => after.Samples.First(s => s.Name == g).Value, StringComparer.Ordinal);
        return new Step(counters, gauges);
    }

    /// <summary>The promtool <c>input_series</c> lines of a step, for <paramref name="job"/>.</summary>
    public static string InputSeries(Step step, string job)
    {
        var yaml = new StringBuilder();
        foreach (var (key, perMinute) in step.Counters.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            yaml.Append(CultureInfo.InvariantCulture, $"      - series: '{WithJob(key, job)}'\n        values: '0+{perMinute}x{Minutes}'\n");
        }

        foreach (var (name, value) in step.Gauges.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            yaml.Append(CultureInfo.InvariantCulture, $"      - series: '{name}{{job=\"{job}\"}}'\n        values: '{value.ToString("R", CultureInfo.InvariantCulture)}x{Minutes}'\n");
        }

        return yaml.ToString();
    }

    /// <summary>Prometheus's <c>humanizePercentage</c> (Go's <c>%.4g</c> of the value times 100, then %) of a count in ten-thousandths.</summary>
    public static string HumanizePercentage(long tenThousandths) =>
        (tenThousandths / 100.0).ToString("G4", CultureInfo.InvariantCulture) + "%";

    private static string Key(string metric, string? label, MetricSample sample) =>
        label is null ? metric : $"{metric}{{{label}=\"{sample.Labels.FirstOrDefault(l => l.Key == label).Value}\"}}";

    private static string WithJob(string key, string job) =>
        key.Contains('{', StringComparison.Ordinal) ? key.Replace("{", $"{{job=\"{job}\",", StringComparison.Ordinal) : $"{key}{{job=\"{job}\"}}";
}
