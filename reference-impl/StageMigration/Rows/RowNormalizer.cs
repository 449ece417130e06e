using System.Buffers;
using System.Text;
using System.Text.Json;
using StageContract;
using StageContract.Normalization;

namespace StageMigration.Rows;

/// <summary>
/// The migration's per-row rule, pure: the same normalizer as the API (contract section 1), and
/// the distribution rules of section 2 applied to stored data. A company's stage becomes canonical
/// when it is an alias and is kept verbatim when Unknown. A distribution's keys become canonical,
/// entries that normalize to the same stage are merged by summing their weights (first-seen
/// order), unknown keys are kept verbatim, and when the weights' sum s is off by more than 1e-6
/// every weight is rescaled by 1/s. This is not the API's <c>DistributionEvaluator</c> on purpose: a request
/// leaves unknown entries out of its computation, while stored data must keep them (nothing is lost
/// or guessed), so the merge and rescale here run over every entry; the stage decision per key is
/// the same <see cref="StageNormalizer"/>. A distribution whose weights are not all finite numbers
/// >= 0 with a positive sum is left unchanged and reported as invalid. Applying the rule to its own
/// output changes nothing (the idempotence the property tests check).
/// </summary>
public sealed class RowNormalizer(ContractRules rules)
{
    private readonly StageNormalizer _normalizer = (rules ?? throw new ArgumentNullException(nameof(rules))).Normalizer;
    private readonly double _rescaleTolerance = rules.Data.RescaleTolerance;

    /// <summary>The normalizer with the shipped contract data.</summary>
    public static RowNormalizer Default { get; } = new(ContractRules.Default);

    /// <summary>What one stored company stage maps to.</summary>
    public StageMapping Map(string? stage)
    {
        var normalized = _normalizer.Normalize(RawStage.FromString(stage));
        return new StageMapping(stage, normalized.Canonical, normalized.Kind);
    }

    /// <summary>The outcome for a <c>portfolio_companies.stage</c> value.</summary>
    public RowOutcome Company(string? stage)
    {
        var normalized = _normalizer.Normalize(RawStage.FromString(stage));
        return normalized.Kind switch
        {
            StageKind.Canonical => RowOutcome.Unchanged,
            StageKind.Alias => new RowOutcome(normalized.Canonical, [], null),
            _ => new RowOutcome(null, [stage], null),
        };
    }

    /// <summary>The outcome for a <c>portfolio_strategies.stage_distribution</c> value (JSON object text).</summary>
    public RowOutcome Distribution(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        List<(string Key, double Weight)> entries;
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return new RowOutcome(null, [], "the distribution is not a JSON object");
            }

            entries = [];
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind != JsonValueKind.Number || !property.Value.TryGetDouble(out var weight) || !double.IsFinite(weight) || weight < 0)
                {
                    return new RowOutcome(null, [], $"the weight of '{property.Name}' is not a finite number >= 0");
                }

                entries.Add((property.Name, weight));
            }
        }
        catch (JsonException exception)
        {
            return new RowOutcome(null, [], $"the distribution is not valid JSON ({exception.Message})");
        }

        if (entries.Count == 0)
        {
            return new RowOutcome(null, [], "the distribution is empty");
        }

        var sum = 0.0;
        foreach (var (_, weight) in entries)
        {
            sum += weight;
        }

        if (!(sum > 0) || !double.IsFinite(sum))
        {
            return new RowOutcome(null, [], "the weights do not have a positive finite sum");
        }

        // Merge by canonical stage (unknown keys by their exact text), first-seen order.
        var merged = new List<(string Key, double Weight)>(entries.Count);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var unknown = new List<string?>();
        var keysChanged = false;
        foreach (var (key, weight) in entries)
        {
            var normalized = _normalizer.Normalize(RawStage.FromString(key));
            var target = normalized.Canonical ?? key;
            if (normalized.Kind == StageKind.Unknown)
            {
                unknown.Add(key);
            }

            keysChanged |= !string.Equals(target, key, StringComparison.Ordinal);
            if (index.TryGetValue(target, out var at))
            {
                merged[at] = (target, merged[at].Weight + weight);
                keysChanged = true;
            }
            else
            {
                index[target] = merged.Count;
                merged.Add((target, weight));
            }
        }

        var rescale = Math.Abs(1 - sum) > _rescaleTolerance;
        if (!keysChanged && !rescale)
        {
            return new RowOutcome(null, unknown, null);
        }

        if (rescale)
        {
            for (var i = 0; i < merged.Count; i++)
            {
                merged[i] = (merged[i].Key, merged[i].Weight / sum);
            }
        }

        return new RowOutcome(Write(merged), unknown, null);
    }

    private static string Write(List<(string Key, double Weight)> entries)
    {
        var buffer = new ArrayBufferWriter<byte>(64 * entries.Count);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (key, weight) in entries)
            {
                writer.WriteNumber(key, weight);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
