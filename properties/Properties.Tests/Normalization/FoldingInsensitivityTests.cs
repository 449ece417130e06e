using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Properties.Tests.Generators;
using StageContract.Normalization;

namespace Properties.Tests.Normalization;

/// <summary>
/// Normalization steps 2-6 as laws. Each test case re-spells EVERY alias key of the data file
/// (not one drawn at random), so no key escapes a run however few cases are drawn.
/// </summary>
public sealed class FoldingInsensitivityTests
{
    private static readonly StageNormalizer Normalizer = Generators.Contract.Rules.Normalizer;

    [Property(MaxTest = 1000)]
    public Property Normalize_IsInsensitiveToCase_ForEveryAliasKey() =>
        Prop.ForAll(Arbitraries.EveryKeySpelled(FoldingVariants.Case), AllNormalizeToTheirStage);

    [Property(MaxTest = 1000)]
    public Property Normalize_IsInsensitiveToWhitespace_ForEveryAliasKey() =>
        Prop.ForAll(Arbitraries.EveryKeySpelled(FoldingVariants.Whitespace), AllNormalizeToTheirStage);

    [Property(MaxTest = 1000)]
    public Property Normalize_IsInsensitiveToFullWidth_ForEveryAliasKey() =>
        Prop.ForAll(Arbitraries.EveryKeySpelled(FoldingVariants.FullWidth), AllNormalizeToTheirStage);

    [Property(MaxTest = 1000)]
    public Property Normalize_IsInsensitiveToZeroWidthCharacters_ForEveryAliasKey() =>
        Prop.ForAll(Arbitraries.EveryKeySpelled(FoldingVariants.ZeroWidth), AllNormalizeToTheirStage);

    [Property(MaxTest = 1000)]
    public Property Normalize_IsInsensitiveToDashVariants_ForEveryAliasKey() =>
        Prop.ForAll(Arbitraries.EveryKeySpelled(FoldingVariants.Dash), AllNormalizeToTheirStage);

    [Property(MaxTest = 2000)]
    public Property Normalize_IsInsensitiveToAllFoldingsAtOnce_ForEveryAliasKey() =>
        Prop.ForAll(Arbitraries.EveryKeySpelled(FoldingVariants.Combined), AllNormalizeToTheirStage);

    [Fact]
    public void DashVariantLaw_HasKeysWithADash_SoItIsNotVacuous()
    {
        Assert.Contains(Generators.Contract.Keys, k => k.Contains('-', StringComparison.Ordinal));
        Assert.Contains(Generators.Contract.Keys, k => k.Contains(' ', StringComparison.Ordinal));
        Assert.Contains(Generators.Contract.Keys, k => k.Contains('+', StringComparison.Ordinal));
    }

    private static void AllNormalizeToTheirStage(KeySpellings spellings)
    {
        foreach (var (key, stage, spelling) in spellings.Items)
        {
            var result = Normalizer.Normalize(spelling);
            Assert.True(
                result.Canonical == stage,
                $"{TextShrinker.Show(spelling)} (a spelling of '{key}') normalized to {result.Kind} {result.Canonical ?? result.Reason.ToString()}, expected {stage}");
            var expectedKind = string.Equals(spelling, stage, StringComparison.Ordinal) ? StageKind.Canonical : StageKind.Alias;
            Assert.Equal(expectedKind, result.Kind);
        }
    }

    public sealed record KeySpellings(IReadOnlyList<(string Key, string Stage, string Spelling)> Items)
    {
        public override string ToString() =>
            string.Join(", ", Items.Where(i => i.Key != i.Spelling).Select(i => $"{i.Key} -> {TextShrinker.Show(i.Spelling)}"));
    }

    public static class Arbitraries
    {
        /// <summary>One spelling of every alias key, drawn from <paramref name="variant"/>.</summary>
        public static Arbitrary<KeySpellings> EveryKeySpelled(Func<string, Gen<string>> variant) =>
            Gen.CollectToArray(Generators.Contract.AliasKeys, p => variant(p.Key).Select(v => (p.Key, p.Stage, v)))
                .Select(items => new KeySpellings(items))
                .ToArbitrary();
    }
}
