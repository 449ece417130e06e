using System.Globalization;
using Harness.Engine.Metrics;

namespace Harness.Engine.Gates.Latency;

/// <summary>
/// A percentile of a Prometheus histogram family summed over all its label sets, from the
/// difference between two scrapes (so only the observations in between count). A histogram only
/// knows which bucket the percentile falls in, so the result is that bucket's bounds.
/// </summary>
public static class HistogramPercentile
{
    /// <summary>Cumulative counts by upper bound (<c>le</c>), summed over label sets.</summary>
    public static SortedDictionary<double, double> Buckets(PrometheusScrape scrape, string family)
    {
        ArgumentNullException.ThrowIfNull(scrape);
        var buckets = new SortedDictionary<double, double>();
        foreach (var sample in scrape.Samples.Where(s => s.Name == family + "_bucket"))
        {
            var le = sample.Labels.FirstOrDefault(l => l.Key == "le").Value;
            var bound = le == "+Inf" ? double.PositiveInfinity : double.Parse(le, NumberStyles.Float, CultureInfo.InvariantCulture);
            buckets[bound] = buckets.GetValueOrDefault(bound) + sample.Value;
        }

        return buckets;
    }

    /// <summary>
    /// The bucket holding the <paramref name="quantile"/> of the observations made between the two
    /// scrapes, as (lower bound, upper bound, observations); null when there were none.
    /// </summary>
    public static (double Low, double High, long Count)? Between(SortedDictionary<double, double> before, SortedDictionary<double, double> after, double quantile)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var delta = after.Select(b => (Bound: b.Key, Cumulative: b.Value - before.GetValueOrDefault(b.Key))).ToList();
        var total = delta.Count == 0 ? 0 : delta[^1].Cumulative;
        if (total <= 0)
        {
            return null;
        }

        var rank = quantile * total;
        var low = 0.0;
        foreach (var (bound, cumulative) in delta)
        {
            if (cumulative >= rank)
            {
                return (low, bound, (long)total);
            }

            low = bound;
        }

        return (low, double.PositiveInfinity, (long)total);
    }
}
