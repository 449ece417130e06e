using System.Text.Json.Nodes;
using GoldenPayloads.Comparison;
using GoldenPayloads.Corpus;
using GoldenPayloads.Oracle;
using GoldenPayloads.Running;
using Harness.Engine.Gates.Golden;
using Harness.Engine.Targets;
using StageContract;
using StageContract.Modes;

namespace Harness.Engine.Tests.Gates;

/// <summary>
/// Issue 10, cause 2: the golden gate expected the harness's own Sunset, X-Stage-Docs and Link. It now
/// holds every answer to the target's own values (learned from its first deprecation set or declared
/// by the plan), read by meaning.
/// </summary>
public sealed class GoldenDeprecationValuesTests
{
    private const string OtherSunset = "Fri, 31 Mar 2028 12:00:00 GMT";
    private const string OtherDocs = "https://developer.example.org/guides/stage-values";
    private static readonly GoldenCorpus Corpus = GoldenCorpus.LoadDefault();
    private static readonly ExpectedOutcome Warn = new GoldenOracle(ContractRules.Default).Expect(Corpus["monte-carlo/unknown"], EffectiveMode.Warn);

    [Fact]
    public void Compare_AnotherServicesSunsetDocsAndTokenLink_HasNoDifference()
    {
        var comparison = Comparison(DeprecationValues.ToLearn(ContractRules.Default.Data.Headers));

        Assert.Empty(comparison.Compare(Warn, Answer(OtherSunset, OtherDocs, $"<{OtherDocs}>; rel=deprecation"), "first"));
        Assert.Empty(comparison.Compare(Warn, Answer(OtherSunset, OtherDocs, $"<{OtherDocs}>;REL=\"deprecation\""), "second"));
    }

    [Fact]
    public void Compare_ALaterAnswerWithAnotherSunset_IsADifferenceNamingTheLearnedValue()
    {
        var values = DeprecationValues.ToLearn(ContractRules.Default.Data.Headers);
        var comparison = Comparison(values);
        comparison.Compare(Warn, Answer(OtherSunset, OtherDocs, $"<{OtherDocs}>; rel=deprecation"), "first");

        var difference = Assert.Single(comparison.Compare(Warn, Answer("Wed, 30 Jun 2027 00:00:00 GMT", OtherDocs, $"<{OtherDocs}>; rel=deprecation"), "second"));

        Assert.Equal("Sunset", difference.Aspect);
        Assert.Contains(OtherSunset, difference.Expected, StringComparison.Ordinal);
        Assert.Contains(OtherSunset, difference.Actual, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_DeclaredValues_HoldTheFirstAnswerToo()
    {
        var comparison = Comparison(DeprecationValues.Declared(ContractRules.Default.Data.Headers, OtherSunset, OtherDocs));

        var differences = comparison.Compare(Warn, Answer(OtherSunset, "https://elsewhere.example/docs", "<https://elsewhere.example/docs>; rel=deprecation"), "first");

        Assert.Equal(["X-Stage-Docs"], differences.Select(d => d.Aspect));
    }

    [Theory]
    [InlineData("30 Jun 2027", "<" + OtherDocs + ">; rel=deprecation", "Sunset")]
    [InlineData(OtherSunset, "<" + OtherDocs + ">; rel=alternate", "Link")]
    public void Compare_MalformedSunsetOrLink_IsADifferenceEvenWhenLearning(string sunset, string link, string aspect)
    {
        var comparison = Comparison(DeprecationValues.ToLearn(ContractRules.Default.Data.Headers));

        Assert.Equal([aspect], comparison.Compare(Warn, Answer(sunset, OtherDocs, link), "first").Select(d => d.Aspect));
    }

    private static GoldenComparison Comparison(DeprecationValues values) => new(ContractRules.Default, new TargetDeprecationValues(values));

    /// <summary>A conforming warn answer to monte-carlo/unknown with the given values, header names in lower case.</summary>
    private static ObservedOutcome Answer(string sunset, string docs, string link)
    {
        var headers = new Dictionary<string, string>
        {
            ["x-stage-mode"] = "warn",
            ["deprecation"] = "true",
            ["sunset"] = sunset,
            ["x-stage-deprecated-variants"] = "growth",
            ["x-stage-docs"] = docs,
            ["link"] = link,
        };
        var body = new JsonObject
        {
            ["stageDistribution"] = new JsonArray([.. Warn.Distribution!.Select(w => (JsonNode)new JsonObject { ["stage"] = w.Stage, ["weight"] = w.Weight })]),
        };
        return new ObservedOutcome(200, "application/json", headers, body, RequestIdEchoed: true);
    }
}
