using System.Globalization;
using Harness.Engine.Gates.Statistics;
using MathNet.Numerics.Distributions;
using Harness.Engine.Plans;
using Scenarios.Results;

namespace Harness.Engine.Gates.Baseline;

/// <summary>
/// Judges a run's measurements against a baseline's, as Kayenta judges a canary metric: a difference
/// counts only when the samples show it (a rank test, a score interval) and it is larger than the
/// budget. Pure: no I/O.
/// <list type="bullet">
/// <item>Latency (<see cref="LatencyCheck"/>): Fail when the p99 ratio exceeds the threshold, the p99
/// grew by at least <c>minEffectMs</c>, and the shift is significant at <c>alpha</c>, by the one-sided
/// Mann-Whitney U test on the steady latencies or by the share of answers slower than the baseline's
/// p99 (Wilson interval above 1 %: the tail grew even if the body did not); or when the rank test is
/// significant and the p50 grew past the ratio and <c>minEffectMs</c> (the body moved: a noisy
/// baseline p99 cannot hide it). Otherwise Pass.</item>
/// <item>Error ratio: Fail when its Wilson interval lies above the baseline's ratio plus the budget;
/// Inconclusive when only the point estimate does.</item>
/// <item>Memory: Fail above <c>memoryRatio</c> times the baseline's. Not evaluated when the baseline
/// has memory and the run could not read it.</item>
/// </list>
/// Not comparable (NotEvaluated): another load or another target kind. Inconclusive: too few answers,
/// or the harness fell behind its schedule in either run.
/// </summary>
public static class BaselineJudgement
{
    private const string Measured = "p99 under the baseline's load, over the baseline's (latency by rank test, error ratio and memory against their budgets)";

    /// <summary>The gate's result for <paramref name="current"/> against <paramref name="baseline"/> (null: nothing to compare).</summary>
    public static GateResult Judge(BaselineMeasurements? baseline, BaselineMeasurements current, BaselineLoadOptions options, Threshold threshold)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(threshold);
        var summary = Summary(current);
        if (baseline is null)
        {
            return new GateResult
            {
                Status = GateStatus.NotApplicable,
                Measured = Measured,
                Threshold = threshold.Text,
                SampleSize = (int)current.Answers,
                Reason = $"recorded as a baseline ({summary}){Retaken(current)}; no --baseline given to compare with: pass this report as --baseline to a later phase"
                    + (current.Lagging > LaggingLimit ? string.Create(CultureInfo.InvariantCulture, $"; but the harness fell behind its schedule while recording it ({100 * current.Lagging:0.#}% late or dropped): a later phase cannot be judged against it, record it again on a quieter machine") : ""),
                Charts = [EndpointChart(null, current)],
            };
        }

        var budgets = string.Create(CultureInfo.InvariantCulture, $"p99 {threshold.Text}x baseline, error ratio <= baseline + {100 * options.ErrorRatioBudget:0.###}%, memory <= {options.MemoryRatio:0.##}x baseline");
        if (baseline.TargetKind != current.TargetKind
            || baseline.Rate != current.Rate || baseline.RampSeconds != current.RampSeconds || baseline.SteadySeconds != current.SteadySeconds || baseline.WarmupSeconds != current.WarmupSeconds)
        {
            return GateResult.NotEvaluated(Measured, string.Create(CultureInfo.InvariantCulture,
                $"not comparable: the baseline ({baseline.Phase}, {baseline.TargetKind} target, {baseline.Rate:0.#}/s for {baseline.SteadySeconds:0}s) and this run ({current.TargetKind} target, {current.Rate:0.#}/s for {current.SteadySeconds:0}s) differ in target kind or load; measure both with the same gate parameters"), budgets);
        }

        var checks = new List<(GateStatus Status, Evidence Evidence)>
        {
            Latency(baseline, current, options, threshold),
            ErrorRatio(baseline, current, options),
            Memory(baseline, current, options),
        };
        var status = checks.Any(c => c.Status == GateStatus.NotEvaluated) ? GateStatus.NotEvaluated
            : checks.Any(c => c.Status == GateStatus.Fail) ? GateStatus.Fail
            : checks.Any(c => c.Status == GateStatus.Inconclusive) ? GateStatus.Inconclusive
            : GateStatus.Pass;
        var lagging = Math.Max(baseline.Lagging, current.Lagging);
        var few = Math.Min(baseline.Answers, current.Answers) < options.MinSamples;
        if (status is GateStatus.Pass or GateStatus.Fail && (few || lagging > LaggingLimit))
        {
            status = GateStatus.Inconclusive;
        }

        var ratio = Ratio(baseline, current);
        var failing = checks.Where(c => c.Status != GateStatus.Pass).Select(c => c.Evidence.Subject).ToList();
        var endpoints = baseline.Endpoints.Keys.Intersect(current.Endpoints.Keys).Order(StringComparer.Ordinal)
            .Select(e => new Evidence($"p99 {e}", $"baseline {Ms(P99(baseline.Endpoints[e]))} ({Count(baseline.Endpoints[e])} answers)", $"{Ms(P99(current.Endpoints[e]))} ({Count(current.Endpoints[e])} answers)"));
        var result = new GateResult
        {
            Status = status,
            Measured = Measured,
            Value = double.IsFinite(ratio) ? ratio : null,
            ValueText = double.IsFinite(ratio) ? string.Create(CultureInfo.InvariantCulture, $"{ratio:0.00}x ({Ms(P99(current.Latency))} vs {Ms(P99(baseline.Latency))})") : "",
            Threshold = budgets,
            SampleSize = (int)current.Answers,
            Reason = string.Create(CultureInfo.InvariantCulture, $"against the baseline of {baseline.Phase} ({baseline.MeasuredAt:yyyy-MM-dd HH:mm}Z, {Summary(baseline)}): now {summary}{Retaken(current)}; ")
                + (few ? $"only {Math.Min(baseline.Answers, current.Answers)} answers in a run, {options.MinSamples} needed"
                    : lagging > LaggingLimit ? string.Create(CultureInfo.InvariantCulture, $"the harness fell behind its schedule ({100 * lagging:0.#}% late or dropped; its garbage collector paused it {Math.Max(baseline.HarnessGcPauseMs, current.HarnessGcPauseMs):0}ms): the figures describe the harness, run it again on a quieter machine")
                    : failing.Count == 0 ? "every budget met" : $"not within budget: {string.Join(", ", failing)}"),
            Charts = [EndpointChart(baseline, current), Side(baseline, current)],
        };
        return result.WithEvidence([.. checks.OrderBy(c => c.Status == GateStatus.Pass).Select(c => c.Evidence), .. endpoints]);
    }

    private static (GateStatus, Evidence) Latency(BaselineMeasurements baseline, BaselineMeasurements current, BaselineLoadOptions options, Threshold threshold)
    {
        var check = LatencyCheck.Of(baseline, current, options, threshold);
        var status = check.Body || check.Tail ? GateStatus.Fail : GateStatus.Pass;
        var rule = check.Body ? "; the body of the distribution shifted" : check.Tail ? "; the tail grew" : "";
        return (status, new Evidence("latency p99",
            string.Create(CultureInfo.InvariantCulture, $"{threshold.Text}x baseline {Ms(check.P99Before)}, or less than {options.MinEffectMs:0.#}ms more, or no significant shift (alpha {options.Alpha:0.###}); p50 likewise"),
            string.Create(CultureInfo.InvariantCulture, $"{Ms(check.P99After)} ({check.P99Ratio:0.00}x); p50 {Ms(check.P50Before)} -> {Ms(check.P50After)}; Mann-Whitney one-sided p {check.Test.PGreater:0.####}, P(current > baseline) {check.Test.Superiority:0.###}; {100.0 * check.Above / Math.Max(1, check.Answers):0.##}% above the baseline p99 ({100 * check.TailShare.Low:0.##}%..{100 * check.TailShare.High:0.##}%){rule}"),
            $"p95 {Ms(Percentile(baseline.Latency, 95))} -> {Ms(Percentile(current.Latency, 95))}"));
    }

    /// <summary>
    /// True when the latency check fails by its tail rule alone: the p99 grew beyond the budget while the
    /// body of the distribution (p50 by the rank test) did not move. Such a finding rests on the slowest
    /// 1 % of a few hundred answers, which one pause of a shared machine can make; the gate takes the load
    /// again and counts it only when it repeats (<see cref="BaselineLoadGate"/>).
    /// </summary>
    public static bool FailsByTheTailAlone(BaselineMeasurements baseline, BaselineMeasurements current, BaselineLoadOptions options, Threshold threshold)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(threshold);
        var check = LatencyCheck.Of(baseline, current, options, threshold);
        return check.Tail && !check.Body;
    }

    private static (GateStatus, Evidence) ErrorRatio(BaselineMeasurements baseline, BaselineMeasurements current, BaselineLoadOptions options)
    {
        var budget = baseline.ErrorRatio + options.ErrorRatioBudget;
        var interval = Proportions.Wilson(current.Errors, Math.Max(1, current.Answers + current.Errors), Normal.InvCDF(0, 1, 1 - options.Alpha));
        var point = (double)current.Errors / Math.Max(1, current.Answers + current.Errors);
        var status = interval.Low > budget ? GateStatus.Fail : point > budget ? GateStatus.Inconclusive : GateStatus.Pass;
        return (status, new Evidence("error ratio",
            string.Create(CultureInfo.InvariantCulture, $"<= baseline {100 * baseline.ErrorRatio:0.###}% + {100 * options.ErrorRatioBudget:0.###}%"),
            string.Create(CultureInfo.InvariantCulture, $"{100 * point:0.###}% ({current.Errors} of {current.Answers + current.Errors}; {100 * interval.Low:0.###}%..{100 * interval.High:0.###}%)")));
    }

    private static (GateStatus, Evidence) Memory(BaselineMeasurements baseline, BaselineMeasurements current, BaselineLoadOptions options)
    {
        var expected = string.Create(CultureInfo.InvariantCulture, $"<= {options.MemoryRatio:0.##}x baseline {Mib(baseline.MemoryBytes)} ({baseline.MemorySource})");
        if (baseline.MemoryBytes is not { } before)
        {
            return (GateStatus.Pass, new Evidence("memory", "not judged: the baseline has no memory figure", $"{Mib(current.MemoryBytes)} ({current.MemorySource})", baseline.MemorySource));
        }

        if (current.MemoryBytes is not { } after)
        {
            return (GateStatus.NotEvaluated, new Evidence("memory", expected, $"not measured: {current.MemorySource}"));
        }

        var ratio = (double)after / before;
        return (ratio <= options.MemoryRatio ? GateStatus.Pass : GateStatus.Fail,
            new Evidence("memory", expected, string.Create(CultureInfo.InvariantCulture, $"{Mib(after)} ({ratio:0.00}x; {current.MemorySource})")));
    }

    /// <summary>A share of late or dropped sends above this means the run measured the harness, not the target.</summary>
    public const double LaggingLimit = 0.01;

    private static string Retaken(BaselineMeasurements m) =>
        (m.Attempts > 1 ? $" (run {m.Attempts} times: the harness fell behind its schedule in the earlier runs)" : "")
        + (m.Confirmation.Length > 0 ? $" ({m.Confirmation})" : "");

    private static string Summary(BaselineMeasurements m) => string.Create(CultureInfo.InvariantCulture,
        $"{m.AchievedRate:0.#}/s, p50 {Ms(Percentile(m.Latency, 50))}, p99 {Ms(P99(m.Latency))}, errors {m.Errors} of {m.Answers + m.Errors}, memory {Mib(m.MemoryBytes)}");

    internal static double Ratio(BaselineMeasurements baseline, BaselineMeasurements current) =>
        P99(baseline.Latency) is var before and > 0 ? P99(current.Latency) / (double)before : double.NaN;

    private static Chart EndpointChart(BaselineMeasurements? baseline, BaselineMeasurements current)
    {
        var endpoints = current.Endpoints.Keys.Union(baseline?.Endpoints.Keys ?? []).Order(StringComparer.Ordinal).ToList();
        List<ChartSeries> series = [new("current", [.. endpoints.Select(e => current.Endpoints.TryGetValue(e, out var h) ? P99(h) / 1000.0 : 0)], ChartSeries.Good)];
        if (baseline is not null)
        {
            series.Insert(0, new ChartSeries("baseline", [.. endpoints.Select(e => baseline.Endpoints.TryGetValue(e, out var h) ? P99(h) / 1000.0 : 0)]));
        }

        return new Chart(baseline is null ? "p99 per endpoint (ms), recorded as a baseline" : "p99 per endpoint (ms): baseline and current side by side", endpoints, series, "ms");
    }

    private static Chart Side(BaselineMeasurements baseline, BaselineMeasurements current)
    {
        string[] categories = ["p50 (ms)", "p95 (ms)", "p99 (ms)", "answers/s", "memory (MiB)"];
        static double[] Values(BaselineMeasurements m) =>
            [Percentile(m.Latency, 50) / 1000.0, Percentile(m.Latency, 95) / 1000.0, P99(m.Latency) / 1000.0, m.AchievedRate, (m.MemoryBytes ?? 0) / 1048576.0];
        return new Chart("Baseline and current", categories, [new ChartSeries("baseline", Values(baseline)), new ChartSeries("current", Values(current), ChartSeries.Good)]);
    }

    internal static long P99(IReadOnlyList<long[]> pairs) => Percentile(pairs, 99);

    internal static long Percentile(IReadOnlyList<long[]> pairs, double percentile)
    {
        var histogram = StepResult.ToHistogram(pairs);
        return histogram.TotalCount == 0 ? 0 : histogram.GetValueAtPercentile(percentile);
    }

    internal static long Count(IReadOnlyList<long[]> pairs) => pairs.Sum(p => p[1]);

    private static string Ms(long micros) => string.Create(CultureInfo.InvariantCulture, $"{micros / 1000.0:0.###}ms");

    private static string Mib(long? bytes) => bytes is { } b ? string.Create(CultureInfo.InvariantCulture, $"{b / 1048576.0:0.#} MiB") : "not measured";
}
