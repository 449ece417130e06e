using StageContract.Distributions;

namespace ReferenceImpl.Api.MonteCarlo;

/// <summary>
/// A real, seeded Monte Carlo of fund outcomes: each trial draws a stage by the distribution's
/// weights, then an outcome multiple: a total loss with the stage's loss rate, otherwise a
/// Pareto (power-law) multiple with the stage's tail index, capped at 1000x. Earlier stages lose
/// more often and have fatter tails. Same seed, same input: same output.
/// </summary>
public static class MonteCarloSimulator
{
    private const double Cap = 1000;

    private static readonly Dictionary<string, (double LossRate, double Alpha)> Parameters = new(StringComparer.Ordinal)
    {
        ["pre-seed"] = (0.70, 1.10),
        ["seed"] = (0.60, 1.20),
        ["series-a"] = (0.45, 1.35),
        ["series-b"] = (0.35, 1.55),
        ["series-c"] = (0.25, 1.80),
        ["series-c+"] = (0.20, 2.10),
    };

    private static readonly (double LossRate, double Alpha) FallbackParameters = (0.50, 1.50);

    /// <summary>Runs <paramref name="runs"/> trials over a validated (canonical, summing to 1) distribution.</summary>
    public static MonteCarloResults Simulate(IReadOnlyList<CanonicalWeight> distribution, int runs, int seed)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        var random = new Random(seed);
        var cumulative = new double[distribution.Count];
        var total = 0.0;
        for (var i = 0; i < distribution.Count; i++)
        {
            total += distribution[i].Weight;
            cumulative[i] = total;
        }

        var counts = new int[distribution.Count];
        var multiples = new double[runs];
        var perStage = distribution.Select(_ => new List<double>()).ToArray();
        for (var trial = 0; trial < runs; trial++)
        {
            var stage = Draw(cumulative, random.NextDouble() * total);
            counts[stage]++;
            var (lossRate, alpha) = Parameters.GetValueOrDefault(distribution[stage].Stage, FallbackParameters);
            var multiple = random.NextDouble() < lossRate ? 0 : Math.Min(Cap, Math.Pow(1 - random.NextDouble(), -1 / alpha));
            multiples[trial] = multiple;
            perStage[stage].Add(multiple);
        }

        Array.Sort(multiples);
        var stages = distribution.Select((d, i) => new StageTrials(
            d.Stage, counts[i], Round(Percentile(Sorted(perStage[i]), 0.5)), Round(Percentile(Sorted(perStage[i]), 0.9)))).ToList();
        return new MonteCarloResults(
            stages,
            new MultipleSummary(Round(multiples.Average()), Round(Percentile(multiples, 0.1)), Round(Percentile(multiples, 0.5)),
                Round(Percentile(multiples, 0.9)), Round(Percentile(multiples, 0.99))));
    }

    /// <summary>Index of the first cumulative weight above <paramref name="u"/> (the last on rounding).</summary>
    public static int Draw(ReadOnlySpan<double> cumulative, double u)
    {
        for (var i = 0; i < cumulative.Length; i++)
        {
            if (u < cumulative[i])
            {
                return i;
            }
        }

        return cumulative.Length - 1;
    }

    /// <summary>Nearest-rank percentile of sorted values; 0 for none.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            return 0;
        }

        var rank = (int)Math.Ceiling(p * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    private static List<double> Sorted(List<double> values)
    {
        values.Sort();
        return values;
    }

    private static double Round(double value) => Math.Round(value, 6);
}
