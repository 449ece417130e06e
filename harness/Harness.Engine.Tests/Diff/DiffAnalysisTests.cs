using Harness.Engine.Diff;
using Harness.Engine.Gates;
using Harness.Engine.Plans;
using StageContract.Data;

namespace Harness.Engine.Tests.Diff;

public sealed class DiffAnalysisTests
{
    private const string MonteCarlo = "POST /api/monte-carlo/simulate";
    private const string Companies = "GET /api/funds/{fundId}/companies";

    [Fact]
    public void Analyse_DifferenceAlsoBetweenPrimaryAndSecondary_IsNoiseForTheWholeEndpointAndField()
    {
        var comparisons = new[]
        {
            Compared(MonteCarlo, unknown: false, [Changed("$.results.p50")], secondary: [Changed("$.results.p50")]),
            Compared(MonteCarlo, unknown: false, [Changed("$.results.p50")], secondary: []),
            Compared(Companies, unknown: false, [Changed("$.results.p50")], secondary: []),
        };
        var (groups, judgement) = Analysis().Analyse(comparisons);
        var noise = Assert.Single(groups, g => g.Class == DiffClass.Noise);
        Assert.Equal((MonteCarlo, 2), (noise.Endpoint, noise.Count));
        var counted = Assert.Single(groups, g => g.Class == DiffClass.Counted);
        Assert.Equal(Companies, counted.Endpoint);
        Assert.Equal((3, 1), (judgement.Compared, judgement.Differing));
        Assert.Equal(GateStatus.Fail, judgement.Status);
    }

    [Fact]
    public void Analyse_UnknownStageExpected_CoversEveryDifferenceOfThoseRequestsOnly()
    {
        var comparisons = new[]
        {
            Compared(Companies, unknown: true, [Changed("status"), Changed("$.items")]),
            Compared(Companies, unknown: false, [Changed("status")]),
        };
        var (groups, judgement) = Analysis(new DiffSettings { Expect = [DiffExpectation.UnknownStage] }).Analyse(comparisons);
        Assert.Equal(2, groups.Count(g => g is { Class: DiffClass.Expected, Expectation: DiffExpectation.UnknownStage }));
        Assert.Equal("status", Assert.Single(groups, g => g.Class == DiffClass.Counted).Field);
        Assert.Equal(1, judgement.Differing);
    }

    [Fact]
    public void Analyse_ModeAndDeprecationHeadersExpected_CoverOnlyThoseHeaders()
    {
        var comparisons = new[]
        {
            Compared(Companies, unknown: false, [Changed("header:X-Stage-Mode"), Changed("header:Sunset"), Changed("header:X-Other")]),
        };
        var settings = new DiffSettings { Expect = [DiffExpectation.ModeHeader, DiffExpectation.DeprecationHeaders] };
        var (groups, _) = Analysis(settings).Analyse(comparisons);
        Assert.Equal(
            ["Counted header:X-Other", "Expected header:Sunset DeprecationHeaders", "Expected header:X-Stage-Mode ModeHeader"],
            groups.Select(g => $"{g.Class} {g.Field} {g.Expectation}".TrimEnd()));
    }

    [Fact]
    public void Analyse_ManyOccurrences_GroupedByEndpointFieldAndKindWithThreeExamples()
    {
        var comparisons = Enumerable.Range(0, 5)
            .Select(i => Compared(MonteCarlo, unknown: false, [Changed($"$.stageDistribution[{i}].weight"), new FieldDifference("$.extra", DifferenceKind.Added, null, "1")]))
            .ToArray();
        var (groups, judgement) = Analysis().Analyse(comparisons);
        Assert.Equal(2, groups.Count);
        var weights = groups.Single(g => g.Field == "$.stageDistribution[*].weight");
        Assert.Equal((5, 5, DifferenceKind.Changed), (weights.Count, weights.Requests, weights.Kind));
        Assert.Equal(["$.stageDistribution[0].weight", "$.stageDistribution[1].weight", "$.stageDistribution[2].weight"], weights.Examples.Select(e => e.Field));
        Assert.Equal(5, judgement.Differing);
    }

    [Theory]
    [InlineData("== 0%", 0, 500, GateStatus.Pass)]
    [InlineData("== 0%", 1, 500, GateStatus.Fail)]
    [InlineData("< 5%", 0, 500, GateStatus.Pass)]
    [InlineData("< 5%", 100, 500, GateStatus.Fail)]
    [InlineData("< 5%", 2, 40, GateStatus.Inconclusive)]
    public void Judge_ShareAgainstThreshold_UsesTheScoreInterval(string threshold, int differing, int compared, GateStatus status) =>
        Assert.Equal(status, Analysis(new DiffSettings { Threshold = Threshold.Parse(threshold) }).Judge(compared, differing).Status);

    [Theory]
    [InlineData(">= 5%")]
    [InlineData("== 1%")]
    [InlineData("< 5ms")]
    public void Settings_ThresholdNotAnUpperShareLimit_IsAProblem(string threshold) =>
        Assert.NotNull(new DiffSettings { Threshold = Threshold.Parse(threshold) }.Problem());

    private static DiffAnalysis Analysis(DiffSettings? settings = null) => new(settings ?? new DiffSettings(), new HeaderNames());

    private static FieldDifference Changed(string field) => new(field, DifferenceKind.Changed, "1", "2");

    private static int _next;

    private static RequestComparison Compared(string endpoint, bool unknown, FieldDifference[] candidate, FieldDifference[]? secondary = null)
    {
        var n = Interlocked.Increment(ref _next);
        var request = new DiffRequest(DiffSource.Generated, "r" + n, "GET", "/x", null, "rid-" + n, endpoint, unknown, IsWrite: false);
        return new RequestComparison(request, candidate, secondary);
    }
}
