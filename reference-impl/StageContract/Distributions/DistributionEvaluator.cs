using System.Globalization;
using StageContract.Normalization;

namespace StageContract.Distributions;

/// <summary>
/// Contract section 2: structural rules, per-entry normalization, merging in first-seen order,
/// the sum rule and rescaling. Mode-independent: what to do with unknown entries in enforce is the
/// caller's decision; this reports them and computes the legacy (unknowns left out) result.
/// </summary>
public sealed class DistributionEvaluator
{
    private readonly StageNormalizer _normalizer;
    private readonly double _sumTolerance;
    private readonly double _rescaleTolerance;

    /// <summary>Creates an evaluator with the contract's tolerances.</summary>
    public DistributionEvaluator(StageNormalizer normalizer, double sumTolerance, double rescaleTolerance)
    {
        _normalizer = normalizer ?? throw new ArgumentNullException(nameof(normalizer));
        _sumTolerance = sumTolerance;
        _rescaleTolerance = rescaleTolerance;
    }

    /// <summary>Number of canonical stages: the length <c>merged</c> and <c>order</c> need.</summary>
    public int StageCount => _normalizer.Stages.Count;

    /// <summary>
    /// Evaluates without allocating. <paramref name="normalized"/> (one per entry) receives every
    /// entry's normalization; <paramref name="merged"/> (one per stage) the merged, rescaled known
    /// weights by stage index; <paramref name="order"/> (one per stage) the stage indices in
    /// first-seen order.
    /// </summary>
    public DistributionSummary Evaluate(ReadOnlySpan<WeightedStage> entries, Span<NormalizedStage> normalized, Span<double> merged, Span<int> order)
    {
        if (normalized.Length < entries.Length || merged.Length < StageCount || order.Length < StageCount)
        {
            throw new ArgumentException("output spans are too short for the entries and the stage set");
        }

        if (entries.IsEmpty)
        {
            return new DistributionSummary(DistributionStatus.Empty, -1, 0, 0, 0, false, false);
        }

        merged[..StageCount].Clear();
        double sum = 0, knownSum = 0;
        int mergedCount = 0, unknownCount = 0;
        var usedAlias = false;
        for (var i = 0; i < entries.Length; i++)
        {
            var weight = entries[i].Weight;
            if (WeightError(weight) is not null)
            {
                return new DistributionSummary(DistributionStatus.InvalidWeight, i, double.NaN, 0, 0, false, false);
            }

            sum += weight;
            var stage = _normalizer.Normalize(entries[i].Stage);
            normalized[i] = stage;
            if (!stage.IsKnown)
            {
                unknownCount++;
                continue;
            }

            usedAlias |= stage.Kind == StageKind.Alias;
            if (!Seen(order[..mergedCount], stage.StageIndex))
            {
                order[mergedCount++] = stage.StageIndex;
            }

            merged[stage.StageIndex] += weight;
            knownSum += weight;
        }

        if (Math.Abs(1 - sum) > _sumTolerance)
        {
            return new DistributionSummary(DistributionStatus.SumOutOfTolerance, -1, sum, mergedCount, unknownCount, usedAlias, false);
        }

        if (knownSum <= 0)
        {
            return new DistributionSummary(DistributionStatus.NoKnownStages, -1, sum, mergedCount, unknownCount, usedAlias, false);
        }

        var rescaled = Math.Abs(1 - knownSum) > _rescaleTolerance;
        if (rescaled)
        {
            // Divide rather than multiply by 1/knownSum: for a subnormal knownSum the reciprocal
            // overflows to infinity, while each weight / knownSum stays finite and within [0, 1].
            for (var i = 0; i < mergedCount; i++)
            {
                merged[order[i]] /= knownSum;
            }
        }

        return new DistributionSummary(DistributionStatus.Valid, -1, sum, mergedCount, unknownCount, usedAlias, rescaled);
    }

    /// <summary>Evaluates and returns an allocated, easy-to-use result.</summary>
    public DistributionResult Evaluate(IReadOnlyList<WeightedStage> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var input = entries.ToArray();
        var normalized = new NormalizedStage[input.Length];
        var merged = new double[StageCount];
        var order = new int[StageCount];
        var summary = Evaluate(input, normalized, merged, order);
        var errors = new List<EntryError>();
        if (summary.Status == DistributionStatus.InvalidWeight)
        {
            for (var i = 0; i < input.Length; i++)
            {
                if (WeightError(input[i].Weight) is { } message)
                {
                    errors.Add(new EntryError(i, message));
                }
            }

            normalized = [.. input.Select(e => _normalizer.Normalize(e.Stage))];
        }

        var stages = _normalizer.Stages;
        return new DistributionResult(
            summary,
            errors,
            normalized,
            [.. order.Take(summary.MergedCount).Select(i => new CanonicalWeight(stages[i], merged[i]))],
            [.. normalized.Where(n => !n.IsKnown)]);
    }

    /// <summary>Why a weight breaks the structural rule, or null when it is fine.</summary>
    public static string? WeightError(double weight) =>
        double.IsFinite(weight)
            ? weight is >= 0 and <= 1 ? null : string.Create(CultureInfo.InvariantCulture, $"weight must be within [0, 1], got {weight:R}")
            : "weight must be a finite number";

    private static bool Seen(ReadOnlySpan<int> order, int stageIndex) => order.Contains(stageIndex);
}
