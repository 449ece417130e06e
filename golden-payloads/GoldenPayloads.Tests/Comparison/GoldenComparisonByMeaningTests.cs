using System.Text.Json.Nodes;
using GoldenPayloads.Comparison;
using GoldenPayloads.Modes;
using GoldenPayloads.Oracle;
using GoldenPayloads.Running;
using StageContract;
using StageContract.Modes;

namespace GoldenPayloads.Tests.Comparison;

/// <summary>
/// The golden comparison judges by the contract, not by the reference's bytes (issue 10): every
/// choice the contract leaves open is accepted, and the rules it fixes still hold.
/// </summary>
public sealed class GoldenComparisonByMeaningTests
{
    private static readonly GoldenOracle Oracle = new(ContractRules.Default);
    private static readonly GoldenComparison Comparison = new(ContractRules.Default, new ExactDeprecationValues(ContractRules.Default.Data));

    public static TheoryData<CorpusCase> Cases => CorpusCase.Where(_ => true);

    /// <summary>Issue 10, causes 2 and 3: another service's own values and choices are not differences.</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void Compare_AnotherConformingServicesChoicesInEveryMode_HasNoDifference(CorpusCase golden)
    {
        var comparison = new GoldenComparison(ContractRules.Default, new AcceptAnyValues());
        foreach (var mode in GoldenModes.All)
        {
            var expected = Oracle.Expect(golden.Case, mode.Settings(), "rid");

            var differences = comparison.Compare(expected, OtherConformingTarget.Answer(expected, ContractRules.Default));

            Assert.True(differences.Count == 0, $"{mode.Name()}: {string.Join("; ", differences)}");
        }
    }

    [Fact]
    public void Compare_DeprecationValues_AreJudgedByTheInjectedCheckOnlyWhenTheSetIsExpected()
    {
        var check = new AcceptAnyValues { Differences = [new GoldenDifference("Sunset", "mine", "yours")] };
        var comparison = new GoldenComparison(ContractRules.Default, check);
        var warn = Expect("monte-carlo/unknown", EffectiveMode.Warn);
        var off = Expect("monte-carlo/unknown", EffectiveMode.Off);

        Assert.Equal([new GoldenDifference("Sunset", "mine", "yours")], comparison.Compare(warn, ConformingTarget.Answer(warn, ContractRules.Default.Data), "case-1"));
        Assert.Empty(comparison.Compare(off, ConformingTarget.Answer(off, ContractRules.Default.Data), "case-2"));
        Assert.Equal(["case-1"], check.Subjects);
    }

    [Fact]
    public void Compare_SunsetSentInOff_IsADifference()
    {
        var expected = Expect("monte-carlo/unknown", EffectiveMode.Off);
        var observed = ConformingTarget.Answer(expected, ContractRules.Default.Data);
        observed = observed with { Headers = new Dictionary<string, string>(observed.Headers) { ["sunset"] = "Wed, 30 Jun 2027 00:00:00 GMT" } };

        Assert.Equal("Sunset", Assert.Single(Comparison.Compare(expected, observed)).Aspect);
    }

    [Theory]
    [InlineData("seriesc,series%20-%20a,%D0%85eed", true)]
    [InlineData("%d0%85eed,series%20-%20a,seriesc", true)]
    [InlineData("seriesc,series%20-%20a", false)]
    [InlineData("seriesc,series - a,%D0%85eed", false)]
    [InlineData("seriesc,series%20-%20a,%D0%85eed,seriesc", false)]
    public void Compare_Variants_AreJudgedByMeaning(string header, bool conforms)
    {
        var expected = Expect("monte-carlo/deliberately-unknown", EffectiveMode.Warn);
        var observed = ConformingTarget.Answer(expected, ContractRules.Default.Data);
        observed = observed with { Headers = new Dictionary<string, string>(observed.Headers) { ["X-Stage-Deprecated-Variants"] = header } };

        var differences = Comparison.Compare(expected, observed);

        Assert.Equal(conforms, differences.Count == 0);
    }

    [Fact]
    public void Compare_EmptyRecommendation_IsADifference()
    {
        var expected = Expect("monte-carlo/unknown", EffectiveMode.Shadow);
        var observed = ConformingTarget.Answer(expected, ContractRules.Default.Data);
        observed = observed with { Headers = new Dictionary<string, string>(observed.Headers) { ["X-Stage-Recommendation"] = " " } };

        Assert.Equal("X-Stage-Recommendation", Assert.Single(Comparison.Compare(expected, observed)).Aspect);
    }

    [Theory]
    [InlineData(201, true)]
    [InlineData(200, true)]
    [InlineData(202, false)]
    public void Compare_CreateStatus_Is200Or201WithOrWithoutLocation(int status, bool conforms)
    {
        var expected = Expect("strategies/canonical", EffectiveMode.Warn);
        var observed = ConformingTarget.Answer(expected, ContractRules.Default.Data) with { Status = status };
        observed = observed with { Headers = observed.Headers.Where(h => h.Key != "Location").ToDictionary() };

        Assert.Equal(conforms, Comparison.Compare(expected, observed).Count == 0);
    }

    [Fact]
    public void Compare_StageAllocationMembersInAnotherOrder_HasNoDifference()
    {
        var expected = Expect("strategies/alias", EffectiveMode.Warn);
        var observed = ConformingTarget.Answer(expected, ContractRules.Default.Data);
        var body = new JsonObject { ["stageAllocation"] = new JsonObject(expected.Distribution!.Reverse().Select(w => KeyValuePair.Create(w.Stage, (JsonNode?)w.Weight))) };

        Assert.Empty(Comparison.Compare(expected, observed with { Body = body }));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("series-a", true)]
    [InlineData("series-c+", true)]
    [InlineData("seed", false)]
    public void Compare_TiedSuggestion_AcceptsNullOrAnyTiedStage(string? didYouMean, bool conforms)
    {
        var expected = Expect("monte-carlo/deliberately-unknown", EffectiveMode.Enforce);
        var observed = ConformingTarget.Answer(expected, ContractRules.Default.Data);
        var body = (JsonObject)observed.Body!.DeepClone();
        foreach (var suggestion in body["suggestions"]!.AsArray())
        {
            if (suggestion!["input"]!.GetValue<string>() == "seriesc")
            {
                suggestion["didYouMean"] = didYouMean;
            }
        }

        Assert.Equal(conforms, Comparison.Compare(expected, observed with { Body = body }).Count == 0);
    }

    [Fact]
    public void Compare_SuggestionForAnInputNotListed_IsADifference()
    {
        var expected = Expect("monte-carlo/unknown", EffectiveMode.Enforce);
        var observed = ConformingTarget.Answer(expected, ContractRules.Default.Data);
        var body = (JsonObject)observed.Body!.DeepClone();
        body["suggestions"] = new JsonArray(new JsonObject { ["input"] = "other", ["didYouMean"] = null });

        Assert.Equal("body.suggestions", Assert.Single(Comparison.Compare(expected, observed with { Body = body })).Aspect);
    }

    /// <summary>Contract section 1: an unknown filter must not fall back to a real stage (the unknown-filter-as-seed fault).</summary>
    [Fact]
    public void Compare_UnknownCompanyFilterReturningACanonicalStage_IsADifference()
    {
        var expected = Expect("companies/unknown", EffectiveMode.Warn);
        var body = new JsonObject { ["companies"] = new JsonArray(new JsonObject { ["stage"] = "seed" }) };

        var difference = Assert.Single(Comparison.Compare(expected, ConformingTarget.Answer(expected, ContractRules.Default.Data) with { Body = body }));

        Assert.Equal(new GoldenDifference("body stage members", "only stages the filter names: [growth]", "also [seed]"), difference);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("[{\"stage\": \"growth\"}]")]
    public void Compare_UnknownCompanyFilterMatchingNothingOrStoredRawValues_HasNoDifference(string companies)
    {
        var expected = Expect("companies/unknown", EffectiveMode.Warn);
        var body = new JsonObject { ["stages"] = new JsonArray("growth"), ["companies"] = JsonNode.Parse(companies) };

        Assert.Empty(Comparison.Compare(expected, ConformingTarget.Answer(expected, ContractRules.Default.Data) with { Body = body }));
    }

    [Fact]
    public void Compare_ProblemMediaTypeWithParameters_HasNoDifference()
    {
        var expected = Expect("strategies/missing-field", EffectiveMode.Off);
        var observed = ConformingTarget.Answer(expected, ContractRules.Default.Data) with { ContentType = "Application/Problem+JSON; charset=utf-8" };

        Assert.Empty(Comparison.Compare(expected, observed));
    }

    [Theory]
    [InlineData("application/problem+json; charset=utf-8", "application/problem+json")]
    [InlineData(" Application/JSON ", "application/json")]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void MediaType_IsTheTypeWithoutParametersInLowerCase(string? contentType, string? expected)
    {
        Assert.Equal(expected, GoldenComparison.MediaType(contentType));
    }

    [Fact]
    public void ExactDeprecationValues_HoldTheReferenceToItsOwnData()
    {
        var data = ContractRules.Default.Data;
        var exact = new ExactDeprecationValues(data);
        var own = new Dictionary<string, string> { ["Sunset"] = data.Sunset, ["X-Stage-Docs"] = data.DocsUrl, ["Link"] = $"<{data.DocsUrl}>; rel=\"deprecation\"" };
        var answer = new ObservedOutcome(200, "application/json", own, null, RequestIdEchoed: true);

        Assert.Empty(exact.Check(answer, "s"));
        Assert.Equal(["Link"], exact.Check(answer with { Headers = new Dictionary<string, string>(own) { ["Link"] = $"<{data.DocsUrl}>; rel=deprecation" } }, "s").Select(d => d.Aspect));
    }

    private static ExpectedOutcome Expect(string id, EffectiveMode mode) => Oracle.Expect(CorpusCase.All[id], mode);

    /// <summary>A deprecation-value check that accepts anything (or reports fixed differences) and records the subjects it was asked about.</summary>
    private sealed class AcceptAnyValues : IDeprecationValueCheck
    {
        public IReadOnlyList<GoldenDifference> Differences { get; init; } = [];

        public List<string> Subjects { get; } = [];

        public IReadOnlyList<GoldenDifference> Check(ObservedOutcome actual, string subject)
        {
            Subjects.Add(subject);
            return Differences;
        }
    }
}
