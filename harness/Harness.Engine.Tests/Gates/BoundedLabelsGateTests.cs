using Harness.Engine.Gates;
using Harness.Engine.Gates.BoundedLabels;
using Harness.Engine.Metrics;
using Harness.Engine.Plans;

namespace Harness.Engine.Tests.Gates;

public sealed class BoundedLabelsGateTests
{
    private const string Clean = """
        # TYPE stage_validation_validations_total counter
        stage_validation_validations_total{endpoint="/api/allocations",mode="warn",input_type="scalar",result="warn"} 3
        # TYPE http_requests_total counter
        http_requests_total{endpoint="unmatched",method="GET",status_class="4xx"} 1
        # TYPE stage_validation_duration_seconds histogram
        stage_validation_duration_seconds_bucket{endpoint="/api/allocations",mode="warn",input_type="scalar",cardinality="2-5",le="0.001"} 3
        process_cpu_seconds_total 1.5
        """;

    private static readonly Threshold Zero = Threshold.Parse("== 0");

    private static GateResult Judge(string text, params string[] raw) =>
        BoundedLabelsGate.WithDefaults().Judge(PrometheusText.Parse(text), raw, Zero);

    [Fact]
    public void Judge_AllLabelsInTheirSets_Passes()
    {
        var result = Judge(Clean, "harness-canary-1");
        Assert.Equal(GateStatus.Pass, result.Status);
        Assert.Equal(3, result.SampleSize);
        Assert.Equal(0, result.Value);
    }

    [Fact]
    public void Judge_RawStageValueAsLabel_Fails()
    {
        var result = Judge(Clean + "\nstage_warn_unknown_total{endpoint=\"/api/allocations\",stage=\"harness-canary-1\"} 1", "harness-canary-1");
        Assert.Equal(GateStatus.Fail, result.Status);
        Assert.Contains(result.Evidence, e => e.Actual == "harness-canary-1" && e.Detail!.Contains("raw stage value", StringComparison.Ordinal));
    }

    [Fact]
    public void Judge_RawStageValueInANonContractMetric_Fails()
    {
        var result = Judge(Clean + "\nsome_other_total{path=\"/api/funds/1/companies?stage=harness-canary-1\"} 1", "harness-canary-1");
        Assert.Equal(GateStatus.Fail, result.Status);
    }

    [Fact]
    public void Judge_LabelValueOutsideItsSet_Fails()
    {
        var result = Judge(Clean.Replace("result=\"warn\"", "result=\"growth\"", StringComparison.Ordinal));
        Assert.Equal(GateStatus.Fail, result.Status);
        Assert.Contains("result='growth' is outside the label's allowed set", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_RawPathAsEndpoint_Fails()
    {
        var result = Judge(Clean.Replace("endpoint=\"unmatched\"", "endpoint=\"/api/allocations/7f3a\"", StringComparison.Ordinal));
        Assert.Equal(GateStatus.Fail, result.Status);
    }

    [Fact]
    public void Judge_LabelTheContractDoesNotDefine_Fails()
    {
        var result = Judge(Clean.Replace("result=\"warn\"", "result=\"warn\",stage=\"seed\"", StringComparison.Ordinal));
        Assert.Equal(GateStatus.Fail, result.Status);
        Assert.Contains("not a label the contract defines", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_NoContractMetrics_IsInconclusive()
    {
        var result = Judge("process_cpu_seconds_total 1.5\n");
        Assert.Equal(GateStatus.Inconclusive, result.Status);
    }

    [Fact]
    public void Judge_UnparseableExposition_IsNotEvaluated()
    {
        var result = Judge(Clean + "\nbroken{a=\"x} 1");
        Assert.Equal(GateStatus.NotEvaluated, result.Status);
        Assert.Contains("cannot parse /metrics", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_AllowedValuesParameter_ReplacesTheDefaultSet()
    {
        var spec = PlanLoader.Parse("""
            version: 1
            phases:
              - name: p
                configuration: { mode: warn }
                gates:
                  - id: labels
                    kind: bounded-labels
                    parameters: { allowedValues: { endpoint: [ "/api/allocations" ] } }
            """, "p.yaml", null).Phases[0].Gates[0];
        var gate = Assert.IsType<BoundedLabelsGate>(BoundedLabelsGate.Create(spec).Gate);
        var result = gate.Judge(PrometheusText.Parse(Clean), [], Zero);
        Assert.Equal(GateStatus.Fail, result.Status);
        Assert.Contains("endpoint='unmatched'", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ allowedValues: [a] }", "must be a map of lists")]
    [InlineData("{ allowedValues: { mode: warn } }", "must be a list of strings")]
    [InlineData("{ minSeries: -1 }", "must be an integer within")]
    [InlineData("{ colour: red }", "unknown parameter 'colour'")]
    public void Create_BadParameters_AreRejected(string parameters, string expected)
    {
        var spec = PlanLoader.Parse($"""
            version: 1
            phases:
              - name: p
                configuration: {"{"} mode: warn {"}"}
                gates:
                  - id: labels
                    kind: bounded-labels
                    parameters: {parameters}
            """, "p.yaml", null).Phases[0].Gates[0];
        var creation = BoundedLabelsGate.Create(spec);
        Assert.False(creation.Succeeded);
        Assert.Contains(expected, creation.Error, StringComparison.Ordinal);
    }
}
