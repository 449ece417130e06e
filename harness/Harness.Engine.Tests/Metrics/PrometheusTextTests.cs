using Harness.Engine.Metrics;

namespace Harness.Engine.Tests.Metrics;

public sealed class PrometheusTextTests
{
    private const string Sample = """
        # HELP stage_validation_validations_total Stage validations by outcome.
        # TYPE stage_validation_validations_total counter
        stage_validation_validations_total{endpoint="/api/allocations",mode="warn",input_type="scalar",result="warn"} 3
        # TYPE stage_validation_duration_seconds histogram
        stage_validation_duration_seconds_bucket{endpoint="/api/allocations",mode="warn",input_type="scalar",cardinality="1",le="1E-05"} 0
        stage_validation_duration_seconds_bucket{endpoint="/api/allocations",mode="warn",input_type="scalar",cardinality="1",le="+Inf"} 3
        stage_validation_duration_seconds_sum{endpoint="/api/allocations",mode="warn",input_type="scalar",cardinality="1"} 0.0012
        stage_validation_duration_seconds_count{endpoint="/api/allocations",mode="warn",input_type="scalar",cardinality="1"} 3
        # TYPE stage_validation_mode gauge
        stage_validation_mode 1
        odd{a="quote \" backslash \\ newline \n end", b="x",} NaN 1700000000000
        """;

    [Fact]
    public void Parse_Samples_ReadsNamesLabelsAndValues()
    {
        var scrape = PrometheusText.Parse(Sample);
        Assert.Empty(scrape.Errors);
        Assert.Equal(7, scrape.Samples.Count);
        var first = scrape.Samples[0];
        Assert.Equal("stage_validation_validations_total", first.Family);
        Assert.Equal(3, first.Value);
        Assert.Equal(["endpoint", "mode", "input_type", "result"], first.Labels.Select(l => l.Key));
        Assert.Equal(3, first.Line);
    }

    [Fact]
    public void Parse_HistogramSeries_BelongToTheirFamily()
    {
        var scrape = PrometheusText.Parse(Sample);
        Assert.Equal(4, scrape.Samples.Count(s => s.Family == "stage_validation_duration_seconds"));
        Assert.Contains(scrape.Samples, s => s.Name == "stage_validation_duration_seconds_bucket" && double.IsPositiveInfinity(s.Value) == false && s.Labels.Any(l => l.Value == "+Inf"));
    }

    [Fact]
    public void Parse_EscapesAndTimestamps_AreHandled()
    {
        var odd = PrometheusText.Parse(Sample).Samples.Single(s => s.Name == "odd");
        Assert.Equal("quote \" backslash \\ newline \n end", odd.Labels[0].Value);
        Assert.Equal("x", odd.Labels[1].Value);
        Assert.True(double.IsNaN(odd.Value));
    }

    [Theory]
    [InlineData("metric{a=\"unterminated} 1", "unterminated label value")]
    [InlineData("metric{a=1} 1", "unterminated label value")]
    [InlineData("metric 1 2 3", "expected a value")]
    [InlineData("metric abc", "expected a value")]
    [InlineData("{a=\"b\"} 1", "expected a metric name")]
    public void Parse_BadLine_IsReportedNotThrown(string line, string expected)
    {
        var scrape = PrometheusText.Parse("ok 1\n" + line + "\n");
        Assert.Single(scrape.Samples);
        var error = Assert.Single(scrape.Errors);
        Assert.StartsWith("line 2:", error, StringComparison.Ordinal);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
