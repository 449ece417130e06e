using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Properties.Tests.Generators;
using StageContract.Normalization;

namespace Properties.Tests.Normalization;

/// <summary>
/// Laws of <see cref="StageNormalizer.Normalize(RawStage)"/> over hostile input. The first law is
/// the one that matters most: the allocation-free ASCII fast path and the exact-match shortcut
/// must agree with the definition (<see cref="StageNormalizer.Fold"/> + exact lookup) everywhere.
/// </summary>
[Properties(Arbitrary = new[] { typeof(Arbitraries) })]
public sealed class NormalizerLawTests
{
    private static readonly StageNormalizer Normalizer = Generators.Contract.Rules.Normalizer;

    public static TheoryData<string> CanonicalStages => [.. Generators.Contract.Stages];

    [Property(MaxTest = 10_000)]
    public void Normalize_AgreesWithFoldAndExactLookup(HostileValue input)
    {
        var actual = Normalizer.Normalize(input.Value);
        var expected = ReferenceNormalizer.Normalize(input.Value);

        Assert.Equal(expected, new ReferenceNormalizer.Outcome(actual.Kind, actual.Canonical, actual.Reason));
        Assert.Equal(expected.Canonical is null ? -1 : Generators.Contract.IndexOf(expected.Canonical), actual.StageIndex);
        Assert.Equal(input.Value, actual.Raw.Value);
    }

    [Property(MaxTest = 3000)]
    public void Normalize_UnknownInput_NeverBecomesAStage(HostileValue input)
    {
        var actual = Normalizer.Normalize(input.Value);
        if (!actual.IsKnown)
        {
            Assert.Null(actual.Canonical);
            Assert.Equal(-1, actual.StageIndex);
            return;
        }

        var folded = StageNormalizer.Fold(input.Value);
        Assert.NotNull(folded);
        Assert.True(Generators.Contract.StageOfKey.TryGetValue(folded, out var stage), $"accepted although Fold gives {TextShrinker.Show(folded)}, which is no alias key");
        Assert.Equal(stage, actual.Canonical);
    }

    [Property(MaxTest = 3000)]
    public void Normalize_IsIdempotent(HostileValue input)
    {
        var once = Normalizer.Normalize(input.Value);
        Assert.Equal(once, Normalizer.Normalize(input.Value));
        if (once.Canonical is null)
        {
            return;
        }

        var twice = Normalizer.Normalize(once.Canonical);
        Assert.Equal(StageKind.Canonical, twice.Kind);
        Assert.Equal(once.Canonical, twice.Canonical);
        Assert.Equal(once.StageIndex, twice.StageIndex);
    }

    [Theory]
    [MemberData(nameof(CanonicalStages))]
    public void Normalize_CanonicalStage_IsFixedPoint(string stage)
    {
        // A fresh copy, so the exact-match shortcut cannot succeed by reference identity.
        var copy = new string(stage.AsSpan());
        var result = Normalizer.Normalize(copy);

        Assert.Equal(StageKind.Canonical, result.Kind);
        Assert.Equal(stage, result.Canonical);
        Assert.Equal(Generators.Contract.IndexOf(stage), result.StageIndex);
    }

    [Property(MaxTest = 2000)]
    public void Normalize_HomoglyphInAliasKey_IsUnknown(HomoglyphSpelling spelling)
    {
        var result = Normalizer.Normalize(spelling.Value);
        Assert.False(result.IsKnown, $"{TextShrinker.Show(spelling.Value)} (from '{spelling.Key}') was accepted as {result.Canonical}");
        Assert.Equal(UnknownReason.NotRecognized, result.Reason);
    }

    [Property(MaxTest = 2000)]
    public void Normalize_DeliberatelyUnknownValue_StaysUnknownInEverySpelling(DeliberatelyUnknownSpelling spelling)
    {
        var result = Normalizer.Normalize(spelling.Value);
        Assert.False(result.IsKnown, $"{TextShrinker.Show(spelling.Value)} (from '{spelling.Original}') was accepted as {result.Canonical}");
    }

    [Property(MaxTest = 300)]
    public void Normalize_NonStringJsonValue_IsUnknown(HostileValue input)
    {
        var result = Normalizer.Normalize(RawStage.NotAString(input.Value));
        Assert.Equal(StageKind.Unknown, result.Kind);
        Assert.Equal(UnknownReason.NotAString, result.Reason);
    }

    public sealed record HostileValue(string Value)
    {
        public override string ToString() => TextShrinker.Show(Value);
    }

    public sealed record HomoglyphSpelling(string Key, string Value)
    {
        public override string ToString() => $"{Key} -> {TextShrinker.Show(Value)}";
    }

    public sealed record DeliberatelyUnknownSpelling(string Original, string Value)
    {
        public override string ToString() => $"{Original} -> {TextShrinker.Show(Value)}";
    }

    public static class Arbitraries
    {
        public static Arbitrary<HostileValue> HostileValues() =>
            Arb.From(
                HostileText.Any.Select(v => new HostileValue(v)),
                h => TextShrinker.Shrink(h.Value).Select(v => new HostileValue(v)));

        public static Arbitrary<HomoglyphSpelling> HomoglyphSpellings() =>
            (from key in Gen.Elements(Generators.Contract.Keys)
             let targets = Enumerable.Range(0, key.Length).Where(i => CharPools.Homoglyphs.ContainsKey(key[i])).ToArray()
             from picked in Gen.NonEmptyListOf(Gen.Elements(targets))
             from glyphs in Gen.CollectToArray(picked, i => Gen.Elements(CharPools.Homoglyphs[key[i]]).Select(g => (i, g)))
             let swapped = Swap(key, glyphs)
             from spelled in FoldingVariants.Any(swapped)
             select new HomoglyphSpelling(key, spelled)).ToArbitrary();

        public static Arbitrary<DeliberatelyUnknownSpelling> DeliberatelyUnknownSpellings() =>
            (from original in Gen.Elements(Generators.Contract.DeliberatelyUnknown)
             from spelled in FoldingVariants.Any(original)
             select new DeliberatelyUnknownSpelling(original, spelled)).ToArbitrary();

        private static string Swap(string key, IEnumerable<(int At, string Glyph)> glyphs)
        {
            var parts = key.Select(c => c.ToString()).ToArray();
            foreach (var (at, glyph) in glyphs)
            {
                parts[at] = glyph;
            }

            return string.Concat(parts);
        }
    }
}
