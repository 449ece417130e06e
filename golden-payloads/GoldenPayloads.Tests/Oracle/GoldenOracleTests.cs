using GoldenPayloads.Corpus;
using GoldenPayloads.Modes;
using GoldenPayloads.Oracle;
using StageContract;
using StageContract.Modes;
using StageContract.Outcomes;
using StageContract.Problems;

namespace GoldenPayloads.Tests.Oracle;

public sealed class GoldenOracleTests
{
    private const string NoCode = "";
    private static readonly GoldenOracle Oracle = new(ContractRules.Default);

    /// <summary>
    /// Written by hand from the contract, not computed: status in off, warn, shadow, enforce,
    /// write-only, and the problem code in enforce. Every corpus case must have a row.
    /// </summary>
    public static TheoryData<string, int[], string> Table => new()
    {
        { "monte-carlo/alias", [200, 200, 200, 200, 200], NoCode },
        { "monte-carlo/canonical", [200, 200, 200, 200, 200], NoCode },
        { "monte-carlo/case-whitespace-dash", [200, 200, 200, 200, 200], NoCode },
        { "monte-carlo/deliberately-unknown", [200, 200, 200, 400, 200], ProblemCodes.InvalidStageDistribution },
        { "monte-carlo/duplicate-after-normalization", [200, 200, 200, 200, 200], NoCode },
        { "monte-carlo/empty-distribution", [400, 400, 400, 400, 400], ProblemCodes.ValidationError },
        { "monte-carlo/fullwidth-nbsp-zero-width", [200, 200, 200, 200, 200], NoCode },
        { "monte-carlo/malformed-json", [400, 400, 400, 400, 400], NoCode },
        { "monte-carlo/missing-field", [400, 400, 400, 400, 400], ProblemCodes.ValidationError },
        { "monte-carlo/no-known-stages", [422, 422, 422, 400, 422], ProblemCodes.InvalidStageDistribution },
        { "monte-carlo/runs-out-of-range", [400, 400, 400, 400, 400], ProblemCodes.ValidationError },
        { "monte-carlo/sum-inside-tolerance-rescale", [200, 200, 200, 200, 200], NoCode },
        { "monte-carlo/sum-outside-tolerance", [400, 400, 400, 400, 400], ProblemCodes.InvalidStageWeights },
        { "monte-carlo/unknown", [200, 200, 200, 400, 200], ProblemCodes.InvalidStageDistribution },
        { "monte-carlo/unknown-and-bad-sum", [400, 400, 400, 400, 400], ProblemCodes.InvalidStageWeights },
        { "monte-carlo/unknown-fund", [404, 404, 404, 404, 404], NoCode },
        { "monte-carlo/weight-above-one", [400, 400, 400, 400, 400], ProblemCodes.ValidationError },
        { "monte-carlo/weight-as-string", [400, 400, 400, 400, 400], ProblemCodes.ValidationError },
        { "strategies/alias", [201, 201, 201, 201, 201], NoCode },
        { "strategies/canonical", [201, 201, 201, 201, 201], NoCode },
        { "strategies/case-whitespace-dash", [201, 201, 201, 201, 201], NoCode },
        { "strategies/deliberately-unknown", [201, 201, 201, 400, 400], ProblemCodes.InvalidStage },
        { "strategies/duplicate-after-normalization", [201, 201, 201, 201, 201], NoCode },
        { "strategies/empty-distribution", [400, 400, 400, 400, 400], ProblemCodes.ValidationError },
        { "strategies/fullwidth-nbsp-zero-width", [201, 201, 201, 201, 201], NoCode },
        { "strategies/malformed-json", [400, 400, 400, 400, 400], NoCode },
        { "strategies/missing-field", [400, 400, 400, 400, 400], ProblemCodes.ValidationError },
        { "strategies/no-known-stages", [422, 422, 422, 400, 400], ProblemCodes.InvalidStage },
        { "strategies/sum-inside-tolerance-rescale", [201, 201, 201, 201, 201], NoCode },
        { "strategies/sum-outside-tolerance", [400, 400, 400, 400, 400], ProblemCodes.InvalidStageWeights },
        { "strategies/unknown", [201, 201, 201, 400, 400], ProblemCodes.InvalidStage },
        { "strategies/unknown-and-bad-sum", [400, 400, 400, 400, 400], ProblemCodes.InvalidStageWeights },
        { "strategies/unknown-fund", [404, 404, 404, 404, 404], NoCode },
        { "strategies/weight-above-one", [400, 400, 400, 400, 400], ProblemCodes.ValidationError },
        { "strategies/weight-as-string", [400, 400, 400, 400, 400], ProblemCodes.ValidationError },
        { "allocations/alias", [201, 201, 201, 201, 201], NoCode },
        { "allocations/amount-as-string", [400, 400, 400, 400, 400], ProblemCodes.ValidationError },
        { "allocations/canonical", [201, 201, 201, 201, 201], NoCode },
        { "allocations/case-whitespace-dash", [201, 201, 201, 201, 201], NoCode },
        { "allocations/deliberately-unknown", [201, 201, 201, 400, 400], ProblemCodes.InvalidStage },
        { "allocations/duplicate-after-normalization", [201, 201, 201, 201, 201], NoCode },
        { "allocations/empty-items", [400, 400, 400, 400, 400], ProblemCodes.ValidationError },
        { "allocations/fullwidth-nbsp-zero-width", [201, 201, 201, 201, 201], NoCode },
        { "allocations/malformed-json", [400, 400, 400, 400, 400], NoCode },
        { "allocations/missing-field", [400, 400, 400, 400, 400], ProblemCodes.ValidationError },
        { "allocations/missing-stage", [201, 201, 201, 400, 400], ProblemCodes.InvalidStage },
        { "allocations/negative-amount", [400, 400, 400, 400, 400], ProblemCodes.ValidationError },
        { "allocations/no-known-stages", [201, 201, 201, 400, 400], ProblemCodes.InvalidStage },
        { "allocations/stage-not-a-string", [201, 201, 201, 400, 400], ProblemCodes.InvalidStage },
        { "allocations/unknown", [201, 201, 201, 400, 400], ProblemCodes.InvalidStage },
        { "allocations/unknown-and-missing-field", [400, 400, 400, 400, 400], ProblemCodes.ValidationError },
        { "allocations/unknown-fund", [404, 404, 404, 404, 404], NoCode },
        { "companies/alias", [200, 200, 200, 200, 200], NoCode },
        { "companies/canonical", [200, 200, 200, 200, 200], NoCode },
        { "companies/canonical-plus-encoded", [200, 200, 200, 200, 200], NoCode },
        { "companies/case-whitespace-dash", [200, 200, 200, 200, 200], NoCode },
        { "companies/deliberately-unknown", [200, 200, 200, 400, 200], ProblemCodes.InvalidStage },
        { "companies/fullwidth", [200, 200, 200, 200, 200], NoCode },
        { "companies/homoglyph", [200, 200, 200, 400, 200], ProblemCodes.InvalidStage },
        { "companies/missing-query-value", [200, 200, 200, 400, 200], ProblemCodes.InvalidStage },
        { "companies/nbsp-zero-width", [200, 200, 200, 200, 200], NoCode },
        { "companies/no-filter", [200, 200, 200, 200, 200], NoCode },
        { "companies/unknown", [200, 200, 200, 400, 200], ProblemCodes.InvalidStage },
        { "companies/unknown-fund", [404, 404, 404, 404, 404], NoCode },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Expect_CorpusCase_MatchesTheHandWrittenTable(string id, int[] statuses, string enforceCode)
    {
        var golden = CorpusCase.All[id];

        var actual = GoldenModes.All.Select(m => Oracle.Expect(golden, m.Settings(), "golden-test").Status);

        Assert.Equal(statuses, actual);
        Assert.Equal(enforceCode, Oracle.Expect(golden, EffectiveMode.Enforce).ProblemCode ?? NoCode);
    }

    [Fact]
    public void Table_CoversEveryCorpusCase()
    {
        var rows = Table.Select(row => (string)row[0]).ToHashSet(StringComparer.Ordinal);

        var missing = CorpusCase.All.Cases.Select(c => c.Id).Where(id => !rows.Contains(id)).ToList();

        Assert.True(missing.Count == 0, "cases without a row: " + string.Join(", ", missing));
    }

    [Theory]
    [InlineData("monte-carlo/unknown", EffectiveMode.Off, ValidationResult.Pass, false, false)]
    [InlineData("monte-carlo/unknown", EffectiveMode.Warn, ValidationResult.Warn, true, false)]
    [InlineData("monte-carlo/unknown", EffectiveMode.Shadow, ValidationResult.WouldReject, true, true)]
    [InlineData("monte-carlo/unknown", EffectiveMode.Enforce, ValidationResult.Reject, false, false)]
    [InlineData("monte-carlo/canonical", EffectiveMode.Shadow, ValidationResult.Ok, false, false)]
    [InlineData("monte-carlo/alias", EffectiveMode.Warn, ValidationResult.Normalized, false, false)]
    [InlineData("strategies/no-known-stages", EffectiveMode.Warn, ValidationResult.Warn, true, false)]
    [InlineData("companies/missing-query-value", EffectiveMode.Shadow, ValidationResult.WouldReject, true, true)]
    public void Expect_StageDecision_FollowsTheOutcomeTable(string id, EffectiveMode mode, ValidationResult result, bool deprecation, bool wouldReject)
    {
        var expected = Oracle.Expect(CorpusCase.All[id], mode);

        Assert.Equal(mode, expected.Mode);
        Assert.Equal(result, expected.Result);
        Assert.Equal(deprecation, expected.Deprecation);
        Assert.Equal(wouldReject, expected.WouldReject);
    }

    [Theory]
    [InlineData("monte-carlo/missing-field")]
    [InlineData("monte-carlo/unknown-and-bad-sum")]
    [InlineData("allocations/unknown-and-missing-field")]
    [InlineData("strategies/malformed-json")]
    [InlineData("companies/no-filter")]
    public void Expect_NoStageDecisionReached_NoResultAndNoDeprecation(string id)
    {
        var expected = Oracle.Expect(CorpusCase.All[id], EffectiveMode.Warn);

        Assert.Null(expected.Result);
        Assert.False(expected.Deprecation);
        Assert.False(expected.WouldReject);
    }

    [Fact]
    public void Expect_UnknownInWarn_ListsTheVariantAndRescalesTheKnownWeights()
    {
        var expected = Oracle.Expect(CorpusCase.All["monte-carlo/unknown"], EffectiveMode.Warn);

        Assert.Equal("growth", expected.DeprecatedVariants);
        Assert.Equal(["seed", "series-a"], expected.Distribution!.Select(w => w.Stage));
        Assert.Equal(0.3 / 0.7, expected.Distribution![0].Weight, 12);
        Assert.Equal(0.4 / 0.7, expected.Distribution![1].Weight, 12);
    }

    [Fact]
    public void Expect_DeliberatelyUnknownInEnforce_ListsInvalidValuesWithSuggestions()
    {
        var expected = Oracle.Expect(CorpusCase.All["monte-carlo/deliberately-unknown"], EffectiveMode.Enforce);

        Assert.Equal(["seriesc", "series - a", "\u0405eed"], expected.Invalid);
        // 'seriesc' is at distance 1 from seriesa, seriesb, series_c and seriesc+: keys of different stages tie, so no suggestion.
        Assert.Equal(
            [new StageSuggestion("seriesc", null), new StageSuggestion("series - a", "series-a"), new StageSuggestion("\u0405eed", "seed")],
            expected.Suggestions);
    }

    [Fact]
    public void Expect_UnknownNonAsciiInWarn_PercentEncodesTheVariant()
    {
        var expected = Oracle.Expect(CorpusCase.All["companies/homoglyph"], EffectiveMode.Warn);

        Assert.Equal("%D0%85eed", expected.DeprecatedVariants);
    }

    [Fact]
    public void Expect_DuplicateAfterNormalization_MergesInFirstSeenOrder()
    {
        var expected = Oracle.Expect(CorpusCase.All["strategies/duplicate-after-normalization"], EffectiveMode.Enforce);

        Assert.Equal(["series-a", "seed"], expected.Distribution!.Select(w => w.Stage));
        Assert.Equal(0.5, expected.Distribution![0].Weight, 12);
        Assert.Equal(ValidationResult.Normalized, expected.Result);
    }

    [Fact]
    public void Expect_SumInsideTolerance_IsRescaledToOne()
    {
        var expected = Oracle.Expect(CorpusCase.All["monte-carlo/sum-inside-tolerance-rescale"], EffectiveMode.Off);

        Assert.Equal(1.0, expected.Distribution!.Sum(w => w.Weight), 12);
        Assert.Equal(0.25 / 1.00005, expected.Distribution![0].Weight, 12);
    }

    [Theory]
    [InlineData("allocations/case-whitespace-dash", new[] { "seed", "series-a", "series-c" })]
    [InlineData("allocations/fullwidth-nbsp-zero-width", new[] { "seed", "series-a", "series-b", "series-c+" })]
    [InlineData("allocations/unknown", new[] { "seed", "series-b" })]
    [InlineData("companies/nbsp-zero-width", new[] { "series-c" })]
    [InlineData("companies/canonical-plus-encoded", new[] { "series-c+" })]
    [InlineData("companies/case-whitespace-dash", new[] { "series-b" })]
    public void Expect_ScalarInput_NormalizesEveryKnownValue(string id, string[] stages)
    {
        var expected = Oracle.Expect(CorpusCase.All[id], EffectiveMode.Warn);

        Assert.Equal(stages, expected.ScalarStages);
    }

    [Theory]
    [InlineData("monte-carlo/case-whitespace-dash")]
    [InlineData("monte-carlo/fullwidth-nbsp-zero-width")]
    [InlineData("strategies/case-whitespace-dash")]
    [InlineData("strategies/fullwidth-nbsp-zero-width")]
    public void Expect_VariantSpellings_AreAllKnownAliases(string id)
    {
        var expected = Oracle.Expect(CorpusCase.All[id], EffectiveMode.Enforce);

        Assert.Equal(ValidationResult.Normalized, expected.Result);
        Assert.Empty(expected.Invalid);
    }

    [Fact]
    public void Expect_Creates_Answer201WithLocation()
    {
        var strategy = Oracle.Expect(CorpusCase.All["strategies/canonical"], EffectiveMode.Off);
        var simulation = Oracle.Expect(CorpusCase.All["monte-carlo/canonical"], EffectiveMode.Off);

        Assert.Equal((201, true), (strategy.Status, strategy.Location));
        Assert.Equal((200, false), (simulation.Status, simulation.Location));
    }

    [Theory]
    [InlineData("strategies/canonical", EffectiveMode.Enforce)]
    [InlineData("allocations/canonical", EffectiveMode.Enforce)]
    [InlineData("monte-carlo/canonical", EffectiveMode.Warn)]
    [InlineData("companies/canonical", EffectiveMode.Warn)]
    public void ModeFor_WriteOnly_EnforcesWritesAndWarnsReads(string id, EffectiveMode mode)
    {
        Assert.Equal(mode, Oracle.ModeFor(CorpusCase.All[id], GoldenMode.WriteOnly.Settings(), "any"));
    }

    [Fact]
    public void ModeFor_EnforceAtPercent_FollowsTheBucketOfTheRequestId()
    {
        var golden = CorpusCase.All["monte-carlo/unknown"];
        var settings = new ModeSettings { GlobalMode = ValidationMode.Enforce, EnforcementPercent = 20 };

        // Contract example: request id "abc" has bucket 19.
        Assert.Equal(EffectiveMode.Enforce, Oracle.ModeFor(golden, settings, "abc"));
        Assert.Equal(EffectiveMode.Warn, Oracle.ModeFor(golden, settings with { EnforcementPercent = 19 }, "abc"));
    }

    [Fact]
    public void Expect_UnknownFundOption_IsRespected()
    {
        var oracle = new GoldenOracle(ContractRules.Default, new OracleOptions { KnownFundIds = new HashSet<long> { 999 } });

        Assert.Equal(200, oracle.Expect(CorpusCase.All["monte-carlo/unknown-fund"], EffectiveMode.Off).Status);
        Assert.Equal(404, oracle.Expect(CorpusCase.All["monte-carlo/canonical"], EffectiveMode.Off).Status);
    }
}
