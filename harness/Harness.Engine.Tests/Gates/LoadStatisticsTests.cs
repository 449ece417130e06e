using Harness.Engine.Gates;
using Harness.Engine.Metrics;
using Harness.Engine.Gates.Statistics;
using Harness.Engine.Gates.Latency;

namespace Harness.Engine.Tests.Gates;

/// <summary>The statistics behind the load gates, against values computed by hand.</summary>
public sealed class LoadStatisticsTests
{
    [Theory]
    [InlineData(0, 1000, 0.0, 0.0038)]
    [InlineData(50, 100, 0.4038, 0.5962)]
    [InlineData(1, 10, 0.0179, 0.4042)]
    public void Wilson_KnownCases_MatchHandComputedBounds(int events, int trials, double low, double high)
    {
        var (l, h) = Proportions.Wilson(events, trials, 1.959964);
        Assert.Equal(low, l, 4);
        Assert.Equal(high, h, 4);
    }

    [Fact]
    public void BinomialRange_25PercentOf2000At999_IsAbout3Point2Points()
    {
        var (low, high) = Proportions.BinomialRange(0.25, 2000, Proportions.Z(0.999)!.Value);
        Assert.Equal(0.2179, low, 4);
        Assert.Equal(0.2821, high, 4);
    }

    [Fact]
    public void BinomialRange_AtZeroAndOne_IsExact()
    {
        Assert.Equal((0.0, 0.0), Proportions.BinomialRange(0, 100, 3.29));
        Assert.Equal((1.0, 1.0), Proportions.BinomialRange(1, 100, 3.29));
    }

    [Theory]
    [InlineData(0.0, 0.004, 0.01, GateStatus.Pass)]
    [InlineData(0.02, 0.03, 0.01, GateStatus.Fail)]
    [InlineData(0.005, 0.015, 0.01, GateStatus.Inconclusive)]
    public void BelowLimit_JudgesTheWholeInterval(double low, double high, double limit, GateStatus expected) =>
        Assert.Equal(expected, Proportions.BelowLimit((low, high), limit, inclusive: false));

    [Fact]
    public void TrialsToShowBelow_ZeroEventsThenPass()
    {
        var n = Proportions.TrialsToShowBelow(0.001, 1.959964);
        Assert.Equal(GateStatus.Pass, Proportions.BelowLimit(Proportions.Wilson(0, n, 1.959964), 0.001, inclusive: false));
        Assert.Equal(GateStatus.Inconclusive, Proportions.BelowLimit(Proportions.Wilson(0, n / 2, 1.959964), 0.001, inclusive: false));
    }

    [Theory]
    [InlineData(0.00001, 0.00002, "<= 5ms", GateStatus.Pass)]
    [InlineData(0.00512, 0.01024, "<= 5ms", GateStatus.Fail)]
    [InlineData(0.00256, 0.00512, "<= 5ms", GateStatus.Inconclusive)]
    [InlineData(0.00064, 0.00128, "< 1ms", GateStatus.Inconclusive)]
    [InlineData(0.00128, 0.00256, "< 1ms", GateStatus.Fail)]
    public void ValidatorLatency_Judge_UsesTheWholeBucket(double low, double high, string threshold, GateStatus expected) =>
        Assert.Equal(expected, ValidatorLatencyGate.Judge(low, high, Harness.Engine.Plans.Threshold.Parse(threshold)));

    [Fact]
    public void HistogramPercentile_DeltaBetweenScrapes_FindsTheBucket()
    {
        const string Before = """
            stage_validation_duration_seconds_bucket{endpoint="a",le="0.00001"} 5
            stage_validation_duration_seconds_bucket{endpoint="a",le="0.00002"} 5
            stage_validation_duration_seconds_bucket{endpoint="a",le="+Inf"} 5
            """;
        const string After = """
            stage_validation_duration_seconds_bucket{endpoint="a",le="0.00001"} 55
            stage_validation_duration_seconds_bucket{endpoint="a",le="0.00002"} 100
            stage_validation_duration_seconds_bucket{endpoint="a",le="+Inf"} 105
            stage_validation_duration_seconds_bucket{endpoint="b",le="0.00001"} 0
            stage_validation_duration_seconds_bucket{endpoint="b",le="0.00002"} 0
            stage_validation_duration_seconds_bucket{endpoint="b",le="+Inf"} 100
            """;
        var before = HistogramPercentile.Buckets(PrometheusText.Parse(Before), "stage_validation_duration_seconds");
        var after = HistogramPercentile.Buckets(PrometheusText.Parse(After), "stage_validation_duration_seconds");

        // 200 observations in between: 50 <= 10us, 45 in (10us, 20us], 105 above 20us.
        Assert.Equal((0.0, 0.00001, 200L), HistogramPercentile.Between(before, after, 0.25));
        Assert.Equal((0.00001, 0.00002, 200L), HistogramPercentile.Between(before, after, 0.475));
        Assert.Equal((0.00002, double.PositiveInfinity, 200L), HistogramPercentile.Between(before, after, 0.99));
        Assert.Null(HistogramPercentile.Between(after, after, 0.99));
    }
}
