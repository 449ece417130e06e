using Harness.Engine.Gates.Statistics;
using Harness.Engine.Plans;
using MathNet.Numerics.Distributions;

namespace Harness.Engine.Gates.Baseline;

/// <summary>
/// The latency half of a baseline judgement, computed once: the figures and the two rules that can
/// find a regression. <see cref="Body"/>: the rank test says the current answers are slower
/// (one-sided Mann-Whitney U below alpha) and the p50 grew past both the ratio and
/// <c>minEffectMs</c>. <see cref="Tail"/>: the p99 grew past both the ratio and <c>minEffectMs</c>,
/// and the shift is significant by the rank test or by the share of answers slower than the
/// baseline's p99 (its Wilson interval lies above 1 %). Pure.
/// </summary>
internal sealed record LatencyCheck(
    long P50Before, long P50After, long P99Before, long P99After, double P99Ratio,
    MannWhitney.Result Test, long Above, long Answers, (double Low, double High) TailShare, bool Body, bool Tail)
{
    public static LatencyCheck Of(BaselineMeasurements baseline, BaselineMeasurements current, BaselineLoadOptions options, Threshold threshold)
    {
        var p50Before = BaselineJudgement.Percentile(baseline.Latency, 50);
        var p50After = BaselineJudgement.Percentile(current.Latency, 50);
        var p99Before = BaselineJudgement.P99(baseline.Latency);
        var p99After = BaselineJudgement.P99(current.Latency);
        var ratio = BaselineJudgement.Ratio(baseline, current);
        var test = MannWhitney.Greater(baseline.Latency, current.Latency);
        var above = current.Latency.Where(p => p[0] > p99Before).Sum(p => p[1]);
        var answers = BaselineJudgement.Count(current.Latency);
        var tailShare = Proportions.Wilson(above, Math.Max(1, answers), Normal.InvCDF(0, 1, 1 - options.Alpha));
        var significant = test.PGreater < options.Alpha;
        var body = significant && p50Before > 0 && !threshold.IsMetBy(p50After / (double)p50Before) && (p50After - p50Before) / 1000.0 >= options.MinEffectMs;
        var tail = (significant || tailShare.Low > 0.01) && !threshold.IsMetBy(ratio) && (p99After - p99Before) / 1000.0 >= options.MinEffectMs;
        return new LatencyCheck(p50Before, p50After, p99Before, p99After, ratio, test, above, answers, tailShare, body, tail);
    }
}
