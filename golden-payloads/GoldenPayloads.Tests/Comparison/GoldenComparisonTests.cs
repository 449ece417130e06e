using System.Text.Json.Nodes;
using GoldenPayloads.Comparison;
using GoldenPayloads.Modes;
using GoldenPayloads.Oracle;
using GoldenPayloads.Running;
using StageContract;
using StageContract.Modes;

namespace GoldenPayloads.Tests.Comparison;

public sealed class GoldenComparisonTests
{
    private static readonly GoldenOracle Oracle = new(ContractRules.Default);
    private static readonly GoldenComparison Comparison = new(ContractRules.Default, new ExactDeprecationValues(ContractRules.Default.Data));

    public static TheoryData<CorpusCase> Cases => CorpusCase.Where(_ => true);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Compare_ConformingAnswerInEveryMode_HasNoDifference(CorpusCase golden)
    {
        foreach (var mode in GoldenModes.All)
        {
            var expected = Oracle.Expect(golden.Case, mode.Settings(), "rid");

            var differences = Comparison.Compare(expected, ConformingTarget.Answer(expected, ContractRules.Default.Data));

            Assert.True(differences.Count == 0, $"{mode.Name()}: {string.Join("; ", differences)}");
        }
    }

    [Fact]
    public void Compare_WrongStatus_IsOneDifference()
    {
        var expected = Expect("strategies/unknown", EffectiveMode.Enforce);
        var observed = ConformingTarget.Answer(expected, ContractRules.Default.Data) with { Status = 201 };

        var difference = Assert.Single(Comparison.Compare(expected, observed));

        Assert.Equal(new GoldenDifference("status", "400", "201"), difference);
    }

    [Fact]
    public void Compare_MissingDeprecationSetInWarn_NamesEachMissingHeader()
    {
        var expected = Expect("monte-carlo/unknown", EffectiveMode.Warn);
        var observed = ConformingTarget.Answer(expected, ContractRules.Default.Data);
        observed = observed with { Headers = observed.Headers.Where(h => h.Key == "X-Stage-Mode").ToDictionary() };

        var aspects = Comparison.Compare(expected, observed).Select(d => d.Aspect);

        Assert.Equal(["Deprecation", "X-Stage-Deprecated-Variants", "Sunset", "X-Stage-Docs", "Link"], aspects);
    }

    [Fact]
    public void Compare_DeprecationSentForAValidPayload_IsADifference()
    {
        var expected = Expect("monte-carlo/canonical", EffectiveMode.Warn);
        var observed = ConformingTarget.Answer(expected, ContractRules.Default.Data);
        observed = observed with { Headers = new Dictionary<string, string>(observed.Headers) { ["Deprecation"] = "true" } };

        var difference = Assert.Single(Comparison.Compare(expected, observed));

        Assert.Equal(new GoldenDifference("Deprecation", GoldenDifference.Absent, "true"), difference);
    }

    [Fact]
    public void Compare_WrongModeAndNoRequestIdEcho_AreDifferences()
    {
        var expected = Expect("companies/unknown", EffectiveMode.Shadow);
        var observed = ConformingTarget.Answer(expected, ContractRules.Default.Data);
        observed = observed with
        {
            RequestIdEchoed = false,
            Headers = new Dictionary<string, string>(observed.Headers) { ["X-Stage-Mode"] = "warn" },
        };

        var aspects = Comparison.Compare(expected, observed).Select(d => d.Aspect);

        Assert.Equal(["X-Stage-Mode", "X-Request-Id"], aspects);
    }

    [Fact]
    public void Compare_RejectionWithWrongCodeAndInvalidList_ShowsBoth()
    {
        var expected = Expect("monte-carlo/unknown", EffectiveMode.Enforce);
        var observed = ConformingTarget.Answer(expected, ContractRules.Default.Data);
        var body = (JsonObject)observed.Body!.DeepClone();
        body["code"] = "INVALID_STAGE";
        body["invalid"] = new JsonArray("seed", "growth");

        var differences = Comparison.Compare(expected, observed with { Body = body });

        Assert.Contains(new GoldenDifference("body.code", "INVALID_STAGE_DISTRIBUTION", "INVALID_STAGE"), differences);
        Assert.Contains(new GoldenDifference("body.invalid", "[growth] in any order", "[seed, growth]"), differences);
    }

    [Fact]
    public void Compare_CorrelationIdNotTheRequestId_IsADifference()
    {
        var expected = Expect("strategies/missing-field", EffectiveMode.Off);
        var observed = ConformingTarget.Answer(expected, ContractRules.Default.Data);
        var body = (JsonObject)observed.Body!.DeepClone();
        body["correlationId"] = OutcomeScrubber.CorrelationIdMarker;

        var difference = Assert.Single(Comparison.Compare(expected, observed with { Body = body }));

        Assert.Equal("body.correlationId", difference.Aspect);
    }

    [Fact]
    public void Compare_ServedDistributionNotRescaled_IsADifference()
    {
        var expected = Expect("monte-carlo/unknown", EffectiveMode.Warn);
        var observed = ConformingTarget.Answer(expected, ContractRules.Default.Data);
        var body = (JsonObject)observed.Body!.DeepClone();
        body["stageDistribution"] = new JsonArray(
            new JsonObject { ["stage"] = "seed", ["weight"] = 0.3 },
            new JsonObject { ["stage"] = "series-a", ["weight"] = 0.4 });

        var difference = Assert.Single(Comparison.Compare(expected, observed with { Body = body }));

        Assert.Equal("body distribution", difference.Aspect);
        Assert.Equal("seed=0.3, series-a=0.4", difference.Actual);
    }

    [Fact]
    public void Compare_UnknownItemSilentlyDefaultedToAStage_IsADifference()
    {
        var expected = Expect("allocations/unknown", EffectiveMode.Warn);
        var observed = ConformingTarget.Answer(expected, ContractRules.Default.Data);
        var body = new JsonObject { ["items"] = new JsonArray(new JsonObject { ["stage"] = "seed" }, new JsonObject { ["stage"] = "seed" }, new JsonObject { ["stage"] = "series-b" }) };

        var difference = Assert.Single(Comparison.Compare(expected, observed with { Body = body }));

        Assert.Equal(new GoldenDifference("body.items[].stage", "[seed, series-b]", "[seed, seed, series-b]"), difference);
    }

    [Fact]
    public void Compare_CompanyFilterWidened_IsADifference()
    {
        var expected = Expect("companies/alias", EffectiveMode.Off);
        var body = new JsonObject { ["companies"] = new JsonArray(new JsonObject { ["stage"] = "series-a" }, new JsonObject { ["stage"] = "seed" }) };

        var difference = Assert.Single(Comparison.Compare(expected, ConformingTarget.Answer(expected, ContractRules.Default.Data) with { Body = body }));

        Assert.Equal(new GoldenDifference("body stage members", "only stages the filter names: [series-a]", "also [seed]"), difference);
    }

    [Fact]
    public void Compare_ProblemWithoutErrorsOrProblemContentType_IsADifference()
    {
        var expected = Expect("allocations/empty-items", EffectiveMode.Warn);
        var observed = ConformingTarget.Answer(expected, ContractRules.Default.Data);
        var body = (JsonObject)observed.Body!.DeepClone();
        body.Remove("errors");

        var aspects = Comparison.Compare(expected, observed with { Body = body, ContentType = "application/json" }).Select(d => d.Aspect);

        Assert.Equal(["content type", "body.errors"], aspects);
    }

    [Fact]
    public void Difference_ToString_ShowsExpectedAndActual()
    {
        Assert.Equal("status: expected 400, actual 201", new GoldenDifference("status", "400", "201").ToString());
    }

    private static ExpectedOutcome Expect(string id, EffectiveMode mode) => Oracle.Expect(CorpusCase.All[id], mode);
}
