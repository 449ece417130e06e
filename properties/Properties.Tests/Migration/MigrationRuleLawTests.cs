using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Properties.Tests.Distributions;
using Properties.Tests.Generators;
using StageContract.Normalization;
using StageMigration.Rows;

namespace Properties.Tests.Migration;

/// <summary>
/// Laws of the migration's per-row rule (contract section 10), on the same generators as the
/// normalizer and distribution laws: applying it twice changes nothing, it never loses an entry's
/// weight or an unknown key, and every migrated distribution sums to 1 within 1e-6.
/// </summary>
public sealed class MigrationRuleLawTests
{
    private static readonly RowNormalizer Rule = new(Contract.Rules);

    [Property(MaxTest = 3000)]
    public Property Company_IsIdempotent() =>
        Prop.ForAll(DistributionGenerators.StageValue.ToArbitrary(), stage =>
        {
            var once = Rule.Company(stage);
            var after = once.NewValue ?? stage;
            Assert.False(Rule.Company(after).Changes, $"second pass changed '{after}'");
        });

    [Property(MaxTest = 3000)]
    public Property Company_WritesExactlyTheNormalizersCanonicalStage() =>
        Prop.ForAll(DistributionGenerators.StageValue.ToArbitrary(), stage =>
        {
            var normalized = Contract.Rules.Normalizer.Normalize(RawStage.FromString(stage));
            var outcome = Rule.Company(stage);
            switch (normalized.Kind)
            {
                case StageKind.Alias:
                    Assert.Equal(normalized.Canonical, outcome.NewValue);
                    break;
                case StageKind.Canonical:
                    Assert.False(outcome.Changes);
                    break;
                default:
                    Assert.False(outcome.Changes);
                    Assert.Equal([stage], outcome.Unmappable);
                    break;
            }
        });

    [Property(MaxTest = 3000)]
    public Property Distribution_IsIdempotent() =>
        Prop.ForAll(StoredDistribution.Gen.ToArbitrary(), stored =>
        {
            var once = Rule.Distribution(stored.Json);
            var after = once.NewValue ?? stored.Json;
            var twice = Rule.Distribution(after);
            Assert.False(twice.Changes, $"second pass changed {after} into {twice.NewValue}");
        });

    [Property(MaxTest = 3000)]
    public Property Distribution_MigratedSumsToOne_AndKeepsEveryStagesShare() =>
        Prop.ForAll(StoredDistribution.Gen.ToArbitrary(), stored =>
        {
            var total = stored.Entries.Sum(e => e.Weight);
            var outcome = Rule.Distribution(stored.Json);
            if (!(total > 0))
            {
                Assert.NotNull(outcome.InvalidReason);
                return;
            }

            var result = Parse(outcome.NewValue ?? stored.Json);
            Assert.True(Math.Abs(1 - result.Values.Sum()) <= 1e-6, $"sum {result.Values.Sum().R()}");

            // Each target key's share of the whole equals the summed share of the entries that map to it.
            var expected = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var (key, weight) in stored.Entries)
            {
                var target = Contract.Rules.Normalizer.Normalize(RawStage.FromString(key)).Canonical ?? key;
                expected[target] = expected.GetValueOrDefault(target) + (weight / total);
            }

            Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), result.Keys.Order(StringComparer.Ordinal));
            foreach (var (key, share) in expected)
            {
                Assert.True(Math.Abs(share - result[key]) <= 1e-9, $"{key}: expected share {share.R()}, got {result[key].R()}");
            }
        });

    [Property(MaxTest = 2000)]
    public Property Distribution_KeepsEveryUnknownKeyVerbatim() =>
        Prop.ForAll(StoredDistribution.Gen.ToArbitrary(), stored =>
        {
            var unknown = stored.Entries.Select(e => e.Key)
                .Where(k => !Contract.Rules.Normalizer.Normalize(RawStage.FromString(k)).IsKnown).ToList();
            var outcome = Rule.Distribution(stored.Json);
            if (outcome.InvalidReason is not null)
            {
                return;
            }

            Assert.Equal(unknown, outcome.Unmappable);
            var keys = Parse(outcome.NewValue ?? stored.Json).Keys;
            Assert.All(unknown, k => Assert.Contains(k, keys));
        });

    [Fact]
    public void Distribution_WithANegativeOrTextWeight_IsLeftUnchangedAndReported()
    {
        foreach (var json in new[] { """{"seed": -0.5, "series-a": 1.5}""", """{"seed": "0.5", "series-a": 0.5}""", "[]", "{}", """{"Seed": 0}""" })
        {
            var outcome = Rule.Distribution(json);
            Assert.False(outcome.Changes, json);
            Assert.NotNull(outcome.InvalidReason);
        }
    }

    [Fact]
    public void Distribution_TwoSpellingsOfOneStage_AreMergedAndRescaled()
    {
        var outcome = Rule.Distribution("""{"Seed": 0.25, "seed ": 0.25, "Series A": 0.4999}""");
        var result = Parse(outcome.NewValue!);
        Assert.Equal(["seed", "series-a"], result.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(0.5 / 0.9999, result["seed"], 12);
        Assert.Equal(0.4999 / 0.9999, result["series-a"], 12);
    }

    private static Dictionary<string, double> Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble(), StringComparer.Ordinal);
    }
}
