using System.Globalization;
using Harness.Engine.Gates;
using Harness.Engine.Gates.Statistics;
using Harness.Engine.Plans;
using StageContract.Data;

namespace Harness.Engine.Diff;

/// <summary>
/// Classifies and groups the differences of a dual run, and judges the share of requests that differ.
/// Noise is learned Diffy-style: an (endpoint, field) on which the primary and the secondary differ
/// for any request is noisy, and every candidate difference on it is noise, reported apart. Then a
/// declared expectation may cover a difference; what is left is counted. Pure.
/// </summary>
public sealed class DiffAnalysis(DiffSettings settings, HeaderNames headers)
{
    /// <summary>Examples kept per group.</summary>
    public const int ExamplesPerGroup = 3;

    /// <summary>The groups of every candidate difference (counted first, then expected, then noise; each by endpoint and field) and the judgement.</summary>
    public (IReadOnlyList<DiffGroup> Groups, DiffJudgement Judgement) Analyse(IReadOnlyList<RequestComparison> comparisons)
    {
        ArgumentNullException.ThrowIfNull(comparisons);
        var noisy = comparisons
            .SelectMany(c => (c.Secondary ?? []).Select(d => (c.Request.Endpoint, d.GeneralField)))
            .ToHashSet();
        var groups = new Dictionary<(string Endpoint, string Field, DifferenceKind Kind, DiffClass Class, DiffExpectation? Expectation), List<(int Request, FieldDifference Difference)>>();
        var differing = 0;
        for (var i = 0; i < comparisons.Count; i++)
        {
            var comparison = comparisons[i];
            var counted = false;
            foreach (var difference in comparison.Candidate)
            {
                var (kind, expectation) = Classify(comparison.Request, difference, noisy);
                counted |= kind == DiffClass.Counted;
                var key = (comparison.Request.Endpoint, difference.GeneralField, difference.Kind, kind, expectation);
                if (!groups.TryGetValue(key, out var list))
                {
                    groups[key] = list = [];
                }

                list.Add((i, difference));
            }

            differing += counted ? 1 : 0;
        }

        var result = groups
            .Select(g => new DiffGroup(g.Key.Endpoint, g.Key.Field, g.Key.Kind, g.Key.Class, g.Key.Expectation, g.Value.Count,
                g.Value.Select(v => v.Request).Distinct().Count(),
                [.. g.Value.Take(ExamplesPerGroup).Select(v => Example(comparisons[v.Request].Request, v.Difference))]))
            .OrderBy(g => g.Class)
            .ThenBy(g => g.Endpoint, StringComparer.Ordinal)
            .ThenBy(g => g.Field, StringComparer.Ordinal)
            .ThenBy(g => g.Kind)
            .ToList();
        return (result, Judge(comparisons.Count, differing));
    }

    /// <summary>The share <paramref name="differing"/> / <paramref name="compared"/> against the threshold.</summary>
    public DiffJudgement Judge(int compared, int differing)
    {
        var z = Proportions.Z(settings.Confidence) ?? Proportions.Z(0.99)!.Value;
        var (low, high) = Proportions.Wilson(differing, compared, z);
        var threshold = settings.Threshold;
        var share = compared == 0 ? 0 : (double)differing / compared;
        var measured = string.Create(CultureInfo.InvariantCulture,
            $"{differing} of {compared} requests ({share:P2}) differ beyond noise and expectations; {settings.Confidence:0.###} score interval [{low:P2}, {high:P2}]");
        if (compared == 0)
        {
            return new DiffJudgement(GateStatus.Inconclusive, 0, 0, 0, 1, "no request was compared");
        }

        if (threshold.Operator == ThresholdOperator.EqualTo)
        {
            return new DiffJudgement(differing == 0 ? GateStatus.Pass : GateStatus.Fail, compared, differing, low, high,
                $"{measured}; threshold {threshold.Text}");
        }

        var status = Proportions.BelowLimit((low, high), threshold.Value, inclusive: threshold.Operator == ThresholdOperator.AtMost);
        var why = status switch
        {
            GateStatus.Pass => "the whole interval is within",
            GateStatus.Fail => "the whole interval is beyond",
            _ => "the interval straddles (too few requests to tell)",
        };
        return new DiffJudgement(status, compared, differing, low, high, $"{measured}; {why} {threshold.Text}");
    }

    private (DiffClass Class, DiffExpectation? Expectation) Classify(DiffRequest request, FieldDifference difference, HashSet<(string, string)> noisy)
    {
        if (noisy.Contains((request.Endpoint, difference.GeneralField)))
        {
            return (DiffClass.Noise, null);
        }

        return DiffExpectations.Covering(settings.Expect, difference, request.CarriesUnknownStage, headers) is { } expectation
            ? (DiffClass.Expected, expectation)
            : (DiffClass.Counted, null);
    }

    private static DiffExample Example(DiffRequest request, FieldDifference difference) =>
        new(request.Label, request.RequestId, difference.Field, difference.Primary, difference.Other);
}
