namespace Harness.Engine.Gates.Statistics;

/// <summary>Intervals for a share of events among trials, and the decisions made with them.</summary>
public static class Proportions
{
    /// <summary>
    /// Two-sided standard normal quantile for the confidences the plans use (0.95 → 1.959964,
    /// 0.99 → 2.575829, 0.999 → 3.290527; the usual table values, e.g. NIST/SEMATECH e-Handbook
    /// 1.3.6.7.1). Null for any other confidence.
    /// </summary>
    public static double? Z(double confidence) => confidence switch
    {
        0.95 => 1.959964,
        0.99 => 2.575829,
        0.999 => 3.290527,
        _ => null,
    };

    /// <summary>Wilson score interval of <paramref name="events"/> out of <paramref name="trials"/> (good even at 0 events and small shares).</summary>
    public static (double Low, double High) Wilson(long events, long trials, double z)
    {
        if (trials <= 0)
        {
            return (0, 1);
        }

        var n = (double)trials;
        var p = events / n;
        var z2 = z * z;
        var centre = (p + (z2 / (2 * n))) / (1 + (z2 / n));
        var half = z * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n))) / (1 + (z2 / n));
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    /// <summary>
    /// Where a binomial share of <paramref name="trials"/> draws with probability <paramref name="p"/>
    /// falls with the given confidence: normal approximation with continuity correction; exact at p = 0 or 1.
    /// </summary>
    public static (double Low, double High) BinomialRange(double p, long trials, double z)
    {
        if (p <= 0 || p >= 1 || trials <= 0)
        {
            return (p, p);
        }

        var n = (double)trials;
        var half = (z * Math.Sqrt(p * (1 - p) / n)) + (0.5 / n);
        return (Math.Max(0, p - half), Math.Min(1, p + half));
    }

    /// <summary>
    /// Judges a rare-event rate against an upper limit: Pass when the whole interval is below the
    /// limit, Fail when the whole interval is at or above it, Inconclusive when it straddles the limit
    /// (too few trials to tell).
    /// </summary>
    public static GateStatus BelowLimit((double Low, double High) interval, double limit, bool inclusive) =>
        (inclusive ? interval.High <= limit : interval.High < limit) ? GateStatus.Pass
        : (inclusive ? interval.Low > limit : interval.Low >= limit) ? GateStatus.Fail
        : GateStatus.Inconclusive;

    /// <summary>Trials needed so that zero events give a Wilson upper bound below <paramref name="limit"/>, with 20 % margin.</summary>
    public static int TrialsToShowBelow(double limit, double z) =>
        limit <= 0 ? int.MaxValue : (int)Math.Ceiling(z * z / limit * 1.2);
}
