using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Properties.Tests.Generators;
using StageContract.Normalization;

namespace Properties.Tests.Normalization;

/// <summary>Suggestions (section 1): for error bodies only, never for acceptance.</summary>
[Properties(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 2000)]
public sealed class SuggestionTests
{
    private const int MaxDistance = 2;
    private static readonly StageSuggester Suggester = Generators.Contract.Rules.Suggester;
    private static readonly StageNormalizer Normalizer = Generators.Contract.Rules.Normalizer;

    [Property]
    public void Suggest_FarFromEveryKey_IsNull(SuggestionInput input)
    {
        var nearest = Nearest(input.Value);
        if (nearest is null)
        {
            Assert.Null(Suggester.Suggest(input.Value));
        }
    }

    [Property]
    public void Suggest_IsTheStageOfTheNearestKeyWithinTwo(SuggestionInput input) =>
        Assert.Equal(Nearest(input.Value)?.Stage, Suggester.Suggest(input.Value));

    [Property]
    public void Suggest_IsAlwaysACanonicalStage(SuggestionInput input)
    {
        var suggestion = Suggester.Suggest(input.Value);
        if (suggestion is not null)
        {
            Assert.Contains(suggestion, Generators.Contract.Stages);
        }
    }

    [Property]
    public void Suggest_NearMiss_IsOfferedUnlessAmbiguousButNeverAccepted(NearMiss miss)
    {
        var suggestion = Suggester.Suggest(miss.Value);
        var result = Normalizer.Normalize(miss.Value);

        Assert.Equal(Nearest(miss.Value)?.Stage, suggestion);
        Assert.Equal(Generators.Contract.StageOfKey.ContainsKey(StageNormalizer.Fold(miss.Value) ?? ""), result.IsKnown);
    }

    [Property]
    public void Nearest_IsEveryStageTiedAtTheSmallestDistanceWithinTwo(SuggestionInput input) =>
        Assert.Equal(TiedStages(input.Value), Suggester.Nearest(input.Value).Order(StringComparer.Ordinal));

    [Property]
    public void Suggest_IsTheNearestStageOnlyWhenItIsTheOnlyOne(SuggestionInput input) =>
        Assert.Equal(Suggester.Nearest(input.Value) is [var only] ? only : null, Suggester.Suggest(input.Value));

    [Fact]
    public void Nearest_Seriesc_IsTheFourTiedStages()
    {
        Assert.Equal(["series-a", "series-b", "series-c", "series-c+"], Suggester.Nearest("seriesc").Order(StringComparer.Ordinal));
        Assert.Empty(Suggester.Nearest("growth"));
        Assert.Empty(Suggester.Nearest(RawStage.NotAString("42")));
    }

    [Fact]
    public void Suggest_Seriesc_IsAmbiguousSoNoneAndNormalizeSaysUnknown()
    {
        Assert.Null(Suggester.Suggest("seriesc"));
        Assert.Equal(StageKind.Unknown, Normalizer.Normalize("seriesc").Kind);
    }

    [Fact]
    public void Suggest_NearMissOfOneStage_NamesIt()
    {
        Assert.Equal("series-a", Suggester.Suggest("series-aa"));
        Assert.Equal("pre-seed", Suggester.Suggest("pre-sed"));
    }

    /// <summary>The definition: the stage of the keys at the smallest distance (at most 2), none when keys of different stages tie.</summary>
    private static (string Key, string Stage)? Nearest(string? value)
    {
        var folded = value is null ? null : StageNormalizer.Fold(value);
        if (folded is null)
        {
            return null;
        }

        var distances = Generators.Contract.AliasKeys
            .Select(k => (k.Key, k.Stage, Distance: Math.Abs(k.Key.Length - folded.Length) > MaxDistance ? int.MaxValue : Levenshtein(folded, k.Key)))
            .Where(k => k.Distance <= MaxDistance)
            .ToList();
        if (distances.Count == 0)
        {
            return null;
        }

        var nearest = distances.Where(k => k.Distance == distances.Min(d => d.Distance)).ToList();
        return nearest.Select(k => k.Stage).Distinct().Count() == 1 ? (nearest[0].Key, nearest[0].Stage) : null;
    }

    /// <summary>The definition of a tie: the stages of every key at the smallest distance (at most 2), in ordinal order.</summary>
    private static IEnumerable<string> TiedStages(string? value)
    {
        var folded = value is null ? null : StageNormalizer.Fold(value);
        if (folded is null)
        {
            return [];
        }

        var near = Generators.Contract.AliasKeys
            .Where(k => Math.Abs(k.Key.Length - folded.Length) <= MaxDistance)
            .Select(k => (k.Stage, Distance: Levenshtein(folded, k.Key)))
            .Where(k => k.Distance <= MaxDistance)
            .ToList();
        return near.Count == 0 ? [] : near.Where(k => k.Distance == near.Min(n => n.Distance)).Select(k => k.Stage).Distinct().Order(StringComparer.Ordinal);
    }

    private static int Levenshtein(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
        }

        return d[a.Length, b.Length];
    }

    public sealed record SuggestionInput(string Value)
    {
        public override string ToString() => TextShrinker.Show(Value);
    }

    /// <summary>An alias key with one or two edits from the key alphabet (deleting next to a space can leave one at an end, which Fold trims).</summary>
    public sealed record NearMiss(string Key, string Value)
    {
        public override string ToString() => $"{Key} -> {TextShrinker.Show(Value)}";
    }

    public static class Arbitraries
    {
        private static readonly char[] KeyAlphabet = [.. "abcdeinprsz-_+0".ToCharArray()];

        public static Arbitrary<SuggestionInput> Inputs() =>
            Arb.From(
                Gen.Frequency((3, HostileText.Any), (2, NearMisses.Select(m => m.Value))).Select(v => new SuggestionInput(v)),
                s => TextShrinker.Shrink(s.Value).Select(v => new SuggestionInput(v)));

        public static Arbitrary<NearMiss> NearMissArbitrary() => NearMisses.ToArbitrary();

        private static Gen<NearMiss> NearMisses =>
            from key in Gen.Elements(Generators.Contract.Keys)
            from edits in Gen.Choose(1, MaxDistance)
            from value in Edit(key, edits)
            select new NearMiss(key, value);

        private static Gen<string> Edit(string s, int edits) =>
            edits == 0 ? Gen.Constant(s) : OneEdit(s).SelectMany(t => Edit(t, edits - 1));

        private static Gen<string> OneEdit(string s) => Gen.OneOf(
            from at in Gen.Choose(0, s.Length) from c in Gen.Elements(KeyAlphabet) select s.Insert(at, c.ToString()),
            from at in Gen.Choose(0, s.Length - 1) from c in Gen.Elements(KeyAlphabet) select s[..at] + c + s[(at + 1)..],
            s.Length <= 1 ? Gen.Constant(s) : from at in Gen.Choose(0, s.Length - 1) select s.Remove(at, 1));
    }
}
