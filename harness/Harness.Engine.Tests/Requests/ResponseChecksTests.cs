using Harness.Engine.Requests;
using Harness.Engine.Targets;
using StageContract;
using StageContract.Modes;
using StageContract.Normalization;
using StageContract.Outcomes;

namespace Harness.Engine.Tests.Requests;

/// <summary>
/// Issue 10, cause 3: X-Stage-Deprecated-Variants was compared byte for byte with the reference's
/// encoding. Any listing the contract allows now conforms; a listing that misses, repeats or
/// miscounts a value does not.
/// </summary>
public sealed class ResponseChecksTests
{
    private const string Docs = "https://developer.example.org/guides/stage-values";

    private static readonly Expectation Warn = new(EffectiveMode.Warn, ValidationResult.Warn, null, null,
        [RawStage.FromString("series c++"), RawStage.FromString(""), RawStage.FromString("growth"), RawStage.FromString("growth")]);

    [Theory]
    [InlineData("series%20c++,\"\",growth")] // the default profile
    [InlineData(",growth,series%20c%2b%2b")] // the alternative: strict encoding, lower-case hex, sorted, the empty value as nothing
    [InlineData("growth, series%20c%2B%2B, \"\"")] // OWS after commas, upper-case hex
    public void MissingDeprecation_AnyValidListing_IsWhole(string variants)
    {
        Assert.Empty(Checks().MissingDeprecation(Warn, Answer(variants)));
    }

    [Theory]
    [InlineData("series%20c++,growth")]
    [InlineData("series%20c++,\"\",growth,growth")]
    [InlineData("series c++,\"\",growth")]
    [InlineData("series%20c+,\"\",growth")]
    public void MissingDeprecation_WrongListing_NamesTheHeader(string variants)
    {
        var problem = Assert.Single(Checks().MissingDeprecation(Warn, Answer(variants)));
        Assert.StartsWith("X-Stage-Deprecated-Variants:", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingDeprecation_MoreThanTenValues_TenThenTheCount()
    {
        var values = Enumerable.Range(0, 12).Select(i => RawStage.FromString($"unknown-{i}")).ToList();
        var expected = Warn with { UnknownValues = values };
        var listed = string.Join(",", values.Skip(2).Select(v => v.Value));

        Assert.Empty(Checks().MissingDeprecation(expected, Answer(listed + ",...(+2)")));
        Assert.Single(Checks().MissingDeprecation(expected, Answer(listed + ",...(+1)")));
        Assert.Single(Checks().MissingDeprecation(expected, Answer(string.Join(",", values.Select(v => v.Value)))));
    }

    [Fact]
    public void MissingDeprecation_Absent_SaysSo()
    {
        var answer = Answer("growth");
        var headers = answer.Headers.Where(h => h.Key != "x-stage-deprecated-variants").ToDictionary(StringComparer.OrdinalIgnoreCase);

        Assert.Equal(["X-Stage-Deprecated-Variants: absent"], Checks().MissingDeprecation(Warn, answer with { Headers = headers }));
    }

    private static ResponseChecks Checks() => new(ContractRules.Default, DeprecationValues.ToLearn(ContractRules.Default.Data.Headers));

    private static ObservedResponse Answer(string variants) => new(200, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["x-stage-mode"] = "warn",
        ["deprecation"] = "true",
        ["sunset"] = "Fri, 31 Mar 2028 12:00:00 GMT",
        ["x-stage-deprecated-variants"] = variants,
        ["x-stage-docs"] = Docs,
        ["link"] = $"<{Docs}>; rel=deprecation",
    }, null, null);
}
