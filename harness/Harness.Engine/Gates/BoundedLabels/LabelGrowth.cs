using System.Globalization;
using Harness.Engine.Metrics;

namespace Harness.Engine.Gates.BoundedLabels;

/// <summary>
/// Boundedness as behaviour: between a scrape after a round of requests and a scrape after a second
/// round of the same shapes with fresh raw stage values, request ids and resource ids, a bounded
/// label gains no value. A label fed by request data gains about one value per request.
/// </summary>
public static class LabelGrowth
{
    /// <summary>
    /// Every label that gained values from <paramref name="before"/> to <paramref name="after"/>: any gain in a
    /// contract family; more than <paramref name="otherTolerance"/> values in any other family, whose
    /// runtime metrics (a first garbage collection of a generation, say) may gain one or two by chance.
    /// </summary>
    public static IReadOnlyList<LabelViolation> Between(PrometheusScrape before, PrometheusScrape after, IReadOnlyCollection<string> contractFamilies, int otherTolerance)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(contractFamilies);
        var known = ValueSets(before);
        var violations = new List<LabelViolation>();
        foreach (var ((family, label), values) in ValueSets(after))
        {
            var gained = values.Keys.Where(v => !known.TryGetValue((family, label), out var old) || !old.ContainsKey(v)).Order(StringComparer.Ordinal).ToList();
            var tolerance = contractFamilies.Contains(family) ? 0 : otherTolerance;
            if (gained.Count > tolerance)
            {
                var examples = string.Join(", ", gained.Take(3)) + (gained.Count > 3 ? ", ..." : "");
                violations.Add(new LabelViolation(family, label, examples,
                    string.Create(CultureInfo.InvariantCulture, $"gained {gained.Count} value(s) in a second round of the same requests with fresh raw values and ids: unbounded"),
                    values[gained[0]]));
            }
        }

        return violations;
    }

    /// <summary>The values of every (family, label) of a scrape, each with the first line it appeared on.</summary>
    public static IReadOnlyDictionary<(string Family, string Label), Dictionary<string, int>> ValueSets(PrometheusScrape scrape)
    {
        ArgumentNullException.ThrowIfNull(scrape);
        var sets = new Dictionary<(string, string), Dictionary<string, int>>();
        foreach (var sample in scrape.Samples)
        {
            foreach (var (label, value) in sample.Labels)
            {
                if (!sets.TryGetValue((sample.Family, label), out var values))
                {
                    sets[(sample.Family, label)] = values = new Dictionary<string, int>(StringComparer.Ordinal);
                }

                values.TryAdd(value, sample.Line);
            }
        }

        return sets;
    }
}
