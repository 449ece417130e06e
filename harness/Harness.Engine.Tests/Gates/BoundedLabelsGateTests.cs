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
        # TYPE stage_validation_errors_total counter
        # TYPE stage_validation_duration_seconds histogram
        stage_validation_duration_seconds_bucket{endpoint="/api/allocations",mode="warn",input_type="scalar",cardinality="2-5",le="0.001"} 3
        # TYPE stage_deprecation_header_emitted_total counter
        # TYPE stage_warn_unknown_total counter
        # TYPE stage_enforce_rejects_total counter
        # TYPE stage_mode_redis_errors_total counter
        # TYPE stage_validation_mode gauge
        stage_validation_mode 1
        # TYPE http_requests_total counter
        http_requests_total{endpoint="unmatched",method="GET",status_class="4xx"} 1
        process_cpu_seconds_total 1.5
        """;

    /// <summary>What another conforming service writes where the contract leaves values open (issue 10, cause 4).</summary>
    private const string OtherService = """
        # TYPE stage_validation_validations_total counter
        stage_validation_validations_total{endpoint="/api/funds/:fundId/companies",mode="shadow",input_type="query",result="would_reject"} 3
        stage_validation_validations_total{endpoint="/api/allocations/:id",mode="enforce",input_type="scalar",result="reject"} 1
        # TYPE stage_validation_errors_total counter
        stage_validation_errors_total{endpoint="/api/portfolio/strategies/<id>",mode="warn",error_code="INVALID_JSON"} 2
        stage_validation_errors_total{endpoint="/api/portfolio/strategies/{id:guid}",mode="warn",error_code="INVALID_STAGE_WEIGHTS"} 2
        # TYPE stage_validation_duration_seconds histogram
        stage_validation_duration_seconds_bucket{endpoint="/api/monte-carlo/simulate",mode="warn",input_type="array",cardinality="11+",le="0.000025"} 3
        # TYPE stage_deprecation_header_emitted_total counter
        # TYPE stage_warn_unknown_total counter
        stage_warn_unknown_total{endpoint="/api/funds/:fundId/companies/"} 3
        # TYPE stage_enforce_rejects_total counter
        # TYPE stage_mode_redis_errors_total counter
        stage_mode_redis_errors_total{operation="get"} 1
        stage_mode_redis_errors_total{operation="set"} 1
        # TYPE stage_validation_mode gauge
        stage_validation_mode 2
        # TYPE http_requests_total counter
        http_requests_total{endpoint="no_route",method="OTHER",status_class="4xx"} 1
        http_requests_total{endpoint="/_ops/stage-validation/mode",method="PUT",status_class="2xx"} 1
        http_requests_total{endpoint="/api/allocations/:id",method="PATCH",status_class="4xx"} 1
        """;

    private static readonly Threshold Zero = Threshold.Parse("== 0");

    private static GateResult Judge(string text, params string[] raw) =>
        BoundedLabelsGate.WithDefaults().Judge(PrometheusText.Parse(text), raw, Zero);

    private static GateResult JudgeRounds(string before, string after) =>
        BoundedLabelsGate.WithDefaults().Judge(PrometheusText.Parse(before), PrometheusText.Parse(after), [], Zero);

    [Fact]
    public void Judge_AllLabelsInTheirSets_Passes()
    {
        var result = Judge(Clean, "harness-canary-1");
        Assert.True(result.Status == GateStatus.Pass, result.Reason);
        Assert.Equal(4, result.SampleSize);
        Assert.Equal(0, result.Value);
    }

    /// <summary>Issue 10, cause 4: Express routes, get/set operations, its own codes and unmatched label are the contract's too.</summary>
    [Fact]
    public void Judge_AnotherServicesOpenValues_Pass()
    {
        var result = Judge(OtherService, "harness-canary-1");
        Assert.True(result.Status == GateStatus.Pass, result.Reason + " " + string.Join("; ", result.Evidence.Select(e => e.Subject + " " + e.Actual)));
    }

    [Theory]
    [InlineData("stage_warn_unknown_total{endpoint=\"/api/funds/:fundId/companies/\"}", "stage_warn_unknown_total{endpoint=\"/api/other\"}", "does not spell a stage route")]
    [InlineData("error_code=\"INVALID_JSON\"", "error_code=\"Invalid json\"", "UPPER_SNAKE")]
    [InlineData("operation=\"get\"", "operation=\"a b\"", "short visible-ASCII name")]
    [InlineData("method=\"OTHER\"", "method=\"GET /x\"", "HTTP method token")]
    [InlineData("endpoint=\"no_route\"", "endpoint=\"/api/funds/7/companies\"", "request path")]
    public void Judge_OpenValueOfTheWrongShape_Fails(string from, string to, string why)
    {
        var result = Judge(OtherService.Replace(from, to, StringComparison.Ordinal));
        Assert.Equal(GateStatus.Fail, result.Status);
        Assert.Contains(why, result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_RawStageValueAsLabel_Fails()
    {
        var result = Judge(Clean + "\nstage_warn_unknown_total{endpoint=\"/api/allocations\",stage=\"harness-canary-1\"} 1", "harness-canary-1");
        Assert.Equal(GateStatus.Fail, result.Status);
        Assert.Contains(result.Evidence, e => e.Actual == "harness-canary-1" && e.Detail!.Contains("raw stage value", StringComparison.Ordinal));
    }

    [Fact]
    public void Judge_RawStageValueInANewFamily_Fails()
    {
        var result = Judge(Clean + "\n# TYPE stage_unknown_values_total counter\nstage_unknown_values_total{endpoint=\"/api/allocations\",stage=\"harness-raw-1-1-7\"} 1", "harness-raw-1-1-7");
        Assert.Equal(GateStatus.Fail, result.Status);
    }

    [Fact]
    public void Judge_RawStageValueInANonContractMetric_Fails()
    {
        var result = Judge(Clean + "\nsome_other_total{path=\"/api/funds/1/companies?stage=harness-canary-1\"} 1", "harness-canary-1");
        Assert.Equal(GateStatus.Fail, result.Status);
    }

    [Fact]
    public void Judge_LabelValueOutsideItsClosedSet_Fails()
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
        Assert.Contains("request path", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_LabelTheContractDoesNotDefine_Fails()
    {
        var result = Judge(Clean.Replace("result=\"warn\"", "result=\"warn\",stage=\"seed\"", StringComparison.Ordinal));
        Assert.Equal(GateStatus.Fail, result.Status);
        Assert.Contains("not a label the contract defines", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_ContractLabelMissing_Fails()
    {
        var result = Judge(Clean.Replace(",result=\"warn\"", "", StringComparison.Ordinal));
        Assert.Equal(GateStatus.Fail, result.Status);
        Assert.Contains("label result='' is missing", result.Reason, StringComparison.Ordinal);
    }

    /// <summary>The gate used to pass (or hold) when the contract's families were absent.</summary>
    [Fact]
    public void Judge_NoContractMetrics_Fails()
    {
        var result = Judge("process_cpu_seconds_total 1.5\n");
        Assert.Equal(GateStatus.Fail, result.Status);
        Assert.Equal(9, result.Value);
        Assert.Contains("missing from /metrics", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_OneFamilyMissing_FailsNamingIt()
    {
        var result = Judge(Clean.Replace("# TYPE stage_enforce_rejects_total counter\n", "", StringComparison.Ordinal));
        Assert.Equal(GateStatus.Fail, result.Status);
        Assert.Equal("stage_enforce_rejects_total", Assert.Single(result.Evidence).Subject);
    }

    [Fact]
    public void Judge_CounterDeclaredWithoutTotalSuffix_IsPresent()
    {
        var result = Judge(Clean.Replace("# TYPE stage_enforce_rejects_total counter", "# TYPE stage_enforce_rejects counter", StringComparison.Ordinal));
        Assert.Equal(GateStatus.Pass, result.Status);
    }

    [Fact]
    public void Judge_FamilyTheRequestsMustHaveCountedWithOnlyItsTypeLine_Fails()
    {
        var result = Judge(Clean.Replace("stage_validation_mode 1\n", "", StringComparison.Ordinal));
        Assert.Equal(GateStatus.Fail, result.Status);
        Assert.Contains("stage_validation_mode has no sample", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_ContractLabelGainedAValueInRoundTwo_Fails()
    {
        var result = JudgeRounds(Clean, Clean + "\nhttp_requests_total{endpoint=\"unmatched\",method=\"POST\",status_class=\"4xx\"} 1");
        Assert.Equal(GateStatus.Fail, result.Status);
        Assert.Contains("http_requests_total label method='POST' gained 1 value(s)", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2, GateStatus.Pass)]
    [InlineData(3, GateStatus.Fail)]
    public void Judge_OtherFamilyGrowth_ToleratesTwoValues(int gained, GateStatus expected)
    {
        var after = Clean + string.Concat(Enumerable.Range(0, gained).Select(i => $"\ndotnet_collection_count_total{{generation=\"{i}\"}} 1"));
        Assert.Equal(expected, JudgeRounds(Clean, after).Status);
    }

    [Fact]
    public void Judge_UnparseableExposition_IsNotEvaluated()
    {
        var result = Judge(Clean + "\nbroken{a=\"x} 1");
        Assert.Equal(GateStatus.NotEvaluated, result.Status);
        Assert.Contains("cannot parse /metrics", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_AllowedValuesParameter_GivesTheLabelAClosedSet()
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
    [InlineData("{ allowedValues: { mode: warn } }", "parameter 'allowedValues' must be a map of lists of strings")]
    [InlineData("{ minSeries: -1 }", "must be an integer within")]
    [InlineData("{ requests: 5 }", "must be an integer within")]
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
