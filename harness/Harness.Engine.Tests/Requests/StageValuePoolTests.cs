using Harness.Engine.Requests;
using StageContract;
using StageContract.Normalization;

namespace Harness.Engine.Tests.Requests;

/// <summary>The traffic's stage values come from the property suite's generators, reproducibly, and can always travel.</summary>
public sealed class StageValuePoolTests
{
    private static readonly ContractRules Rules = ContractRules.Default;
    private static readonly System.Text.UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    [Fact]
    public void SameSeed_SameValues_OtherSeed_OtherValues()
    {
        static List<string?> Draw(int seed)
        {
            var pool = new StageValuePool(Rules);
            var random = new Random(seed);
            return [.. Enumerable.Range(0, 300).Select(i => (i % 2 == 0 ? pool.Known(random) : pool.Unknown(random, stringsOnly: false)).Value)];
        }

        Assert.Equal(Draw(7), Draw(7));
        Assert.NotEqual(Draw(7), Draw(8));
    }

    [Fact]
    public void KnownValues_IncludeFoldingVariants_ThatTheNormalizerStillAccepts()
    {
        var pool = new StageValuePool(Rules);
        var random = new Random(1);
        var keys = Rules.Normalizer.AliasKeys.Select(k => k.Key).ToHashSet(StringComparer.Ordinal);
        var values = Enumerable.Range(0, 600).Select(_ => pool.Known(random).Value!).ToList();
        var variants = values.Where(v => !keys.Contains(v)).ToList();
        Assert.True(variants.Count > 100, $"only {variants.Count} folding variants in 600 known values");
        Assert.All(variants, v => Assert.True(Rules.Normalizer.Normalize(RawStage.FromString(v)).IsKnown, $"'{v}' should fold to a stage"));
    }

    [Fact]
    public void UnknownValues_IncludeGeneratedMutations_AndAllCanTravelInJsonAndUrls()
    {
        var pool = new StageValuePool(Rules);
        var random = new Random(3);
        var values = Enumerable.Range(0, 2000).Select(_ => pool.Unknown(random, stringsOnly: true).Value!).ToList();
        var distinct = values.Distinct(StringComparer.Ordinal).Count();
        Assert.True(distinct > 400, $"only {distinct} distinct unknown values in 2000 draws: the generators are not being sampled");
        Assert.All(values, v =>
        {
            Assert.True(v.Length <= 200, $"{v.Length} characters");
            _ = Strict.GetBytes(v); // throws on an unpaired surrogate, which no JSON writer or URL can carry
        });
    }
}
