using MathNet.Numerics.Distributions;

namespace Harness.Engine.Gates.Statistics;

/// <summary>
/// The Mann-Whitney U test (Wilcoxon rank-sum) on two latency histograms, as Kayenta judges a canary
/// metric against its baseline: does the current sample tend to be larger than the baseline's? The
/// histograms' buckets are tied values (midranks, with the tie-corrected variance); the p-value is
/// one-sided from the normal approximation with a continuity correction, which is what the test's
/// sample sizes here (hundreds to thousands) call for.
/// </summary>
public static class MannWhitney
{
    /// <summary>The test's outcome.</summary>
    /// <param name="U">U of the current sample: the number of (baseline, current) pairs where current is larger, ties counting half.</param>
    /// <param name="Superiority">U / (n1 n2): the probability that a current value exceeds a baseline value (0.5: no shift), the test's effect size.</param>
    /// <param name="Z">The standardized statistic.</param>
    /// <param name="PGreater">One-sided p-value of "current is stochastically greater".</param>
    public sealed record Result(double U, double Superiority, double Z, double PGreater);

    /// <summary>Tests whether <paramref name="current"/> is stochastically greater than <paramref name="baseline"/> (value/count pairs).</summary>
    public static Result Greater(IReadOnlyList<long[]> baseline, IReadOnlyList<long[]> current)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(current);
        var a = Counts(baseline);
        var b = Counts(current);
        double n1 = a.Values.Sum();
        double n2 = b.Values.Sum();
        if (n1 == 0 || n2 == 0)
        {
            return new Result(double.NaN, double.NaN, double.NaN, double.NaN);
        }

        double below = 0;
        double rankSum = 0;
        double ties = 0;
        foreach (var value in a.Keys.Union(b.Keys).Order())
        {
            var countA = a.GetValueOrDefault(value);
            var countB = b.GetValueOrDefault(value);
            var t = countA + countB;
            rankSum += countB * (below + ((t + 1) / 2.0));
            ties += (t * t * t) - t;
            below += t;
        }

        var n = n1 + n2;
        var u = rankSum - (n2 * (n2 + 1) / 2);
        var mean = n1 * n2 / 2;
        var variance = n1 * n2 / 12 * (n + 1 - (ties / (n * (n - 1))));
        if (variance <= 0)
        {
            return new Result(u, u / (n1 * n2), 0, 0.5);
        }

        var z = (u - mean - 0.5) / Math.Sqrt(variance);
        return new Result(u, u / (n1 * n2), z, 1 - Normal.CDF(0, 1, z));
    }

    private static Dictionary<long, double> Counts(IReadOnlyList<long[]> pairs)
    {
        var counts = new Dictionary<long, double>();
        foreach (var pair in pairs)
        {
            counts[pair[0]] = counts.GetValueOrDefault(pair[0]) + pair[1];
        }

        return counts;
    }
}
