using System.Net;
using Harness.Engine.Gates;
using Harness.Engine.Observability.Live;
using Harness.Engine.Plans;
using Harness.Engine.Targets;
using StageContract;

namespace Harness.Engine.Tests.Gates;

/// <summary>The PromQL gate judges what Prometheus's HTTP API answers; here the API is a stub (the real one runs in Harness.Cli.Tests and the acceptance suite).</summary>
public sealed class PromqlGateTests
{
    private static readonly Phase Enforce = new() { Name = "enforce-25", Configuration = new PhaseConfiguration { Mode = "enforce", EnforcementPercent = 25 }, Gates = [] };

    [Theory]
    [InlineData("0.001", "< 1%", GateStatus.Pass)]
    [InlineData("0.02", "< 1%", GateStatus.Fail)]
    [InlineData("2", "== 2", GateStatus.Pass)]
    [InlineData("1", "== 2", GateStatus.Fail)]
    [InlineData("NaN", "< 1%", GateStatus.Fail)]
    public async Task Instant_JudgesTheValueAgainstTheThreshold(string value, string threshold, GateStatus expected)
    {
        var prometheus = new FakePrometheus { Vector = $$"""[{"metric":{"job":"stage-validation"},"value":[1764500000,"{{value}}"]}]""" };
        var result = await RunAsync(prometheus, "{\"expr\":\"x{job=\\\"$job\\\"}\",\"window\":0,\"rate\":0}", threshold);
        Assert.Equal(expected, result.Status);
        Assert.Contains("query=x%7Bjob%3D%22stage-validation%22%7D", prometheus.Queries.Single(), StringComparison.Ordinal);
        Assert.Contains(result.Evidence, e => e.Subject == "expression" && e.Actual == "x{job=\"stage-validation\"}");
        Assert.Single(result.Charts);
    }

    [Fact]
    public async Task Window_OneEvaluationOverTheThreshold_FailsTheWholeWindow()
    {
        var prometheus = new FakePrometheus
        {
            Matrix = """[{"metric":{"job":"stage-validation"},"values":[[1764500000,"0.001"],[1764500001,"0.002"],[1764500002,"0.03"],[1764500003,"0.001"]]}]""",
        };
        var result = await RunAsync(prometheus, "{\"expr\":\"ratio\",\"window\":4,\"rate\":0}", "< 1%");
        Assert.Equal(GateStatus.Fail, result.Status);
        Assert.Contains("1 of 4 evaluations do not meet < 1% (worst 3%)", result.Reason, StringComparison.Ordinal);
        Assert.Equal(0.03, result.Value);
    }

    [Fact]
    public async Task NoSeries_IsNotEvaluated_WithTheScrapeHealth()
    {
        var prometheus = new FakePrometheus { Vector = "[]", TargetHealth = ("down", "connection refused") };
        var result = await RunAsync(prometheus, "{\"expr\":\"ratio\",\"window\":0,\"rate\":0}", "< 1%");
        Assert.Equal(GateStatus.NotEvaluated, result.Status);
        Assert.Contains("returned no series", result.Reason, StringComparison.Ordinal);
        Assert.Contains("is down: connection refused", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadExpression_IsNotEvaluated_WithPrometheusError()
    {
        var prometheus = new FakePrometheus { Error = "1:8: parse error: unexpected end of input" };
        var result = await RunAsync(prometheus, "{\"expr\":\"rate(x[\",\"window\":0,\"rate\":0}", "< 1%");
        Assert.Equal(GateStatus.NotEvaluated, result.Status);
        Assert.Contains("parse error", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreachable_IsNotEvaluated()
    {
        var prometheus = new FakePrometheus { Unreachable = true };
        var result = await RunAsync(prometheus, "{\"expr\":\"up\",\"window\":0,\"rate\":0}", "== 1");
        Assert.Equal(GateStatus.NotEvaluated, result.Status);
        Assert.Contains("did not answer", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"window\":0}", "< 1%", "parameters.expr is required")]
    [InlineData("{\"expr\":\"up\"}", null, "promql needs a threshold")]
    [InlineData("{\"expr\":\"up\",\"agreeWith\":\"everything\"}", "< 1%", "must be one of none, unknown-ratio")]
    public void BadSpec_IsAPlanError(string parameters, string? threshold, string message)
    {
        var spec = new GateSpec { Id = "p", Kind = GateKinds.Promql, Parameters = new GateParameters(System.Text.Json.JsonDocument.Parse(parameters).RootElement), Threshold = threshold is null ? null : Threshold.Parse(threshold) };
        var creation = BuiltInGates.Registry.Create(spec);
        Assert.False(creation.Succeeded);
        Assert.Contains(message, creation.Error, StringComparison.Ordinal);
    }

    private static async Task<GateResult> RunAsync(FakePrometheus prometheus, string parameters, string threshold)
    {
        var spec = new GateSpec { Id = "promql", Kind = GateKinds.Promql, Threshold = Threshold.Parse(threshold), Parameters = new GateParameters(System.Text.Json.JsonDocument.Parse(parameters).RootElement) };
        await using var monitoring = Monitoring.ForClients(new HttpClient(new StubHandler(prometheus.Answer)) { BaseAddress = new Uri("http://prometheus.test/") }, null, ObservabilitySettings.Default, TimeProvider.System);
        var context = new GateContext
        {
            Http = StubHandler.Client(_ => new HttpResponseMessage(HttpStatusCode.NotFound)),
            Phase = Enforce,
            Spec = spec,
            Seed = 1,
            DeprecationValues = DeprecationValues.ToLearn(ContractRules.Default.Data.Headers),
            Monitoring = monitoring,
        };
        return await BuiltInGates.Registry.Create(spec).Gate!.EvaluateAsync(context, CancellationToken.None);
    }

    private sealed class FakePrometheus
    {
        public string Vector { get; init; } = "[]";

        public string Matrix { get; init; } = "[]";

        public string? Error { get; init; }

        public bool Unreachable { get; init; }

        public (string Health, string Error) TargetHealth { get; init; } = ("up", "");

        public List<string> Queries { get; } = [];

        public HttpResponseMessage Answer(HttpRequestMessage request)
        {
            if (Unreachable)
            {
                throw new HttpRequestException("Connection refused (prometheus.test:80)");
            }

            var path = request.RequestUri!.AbsolutePath;
            if (Error is not null)
            {
                return new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new StringContent($$"""{"status":"error","errorType":"bad_data","error":"{{Error}}"}""") };
            }

            if (path.EndsWith("/query", StringComparison.Ordinal))
            {
                Queries.Add(request.RequestUri.Query);
                return StubHandler.Json("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":" + Vector + "}}");
            }

            if (path.EndsWith("/query_range", StringComparison.Ordinal))
            {
                Queries.Add(request.RequestUri.Query);
                return StubHandler.Json("{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":" + Matrix + "}}");
            }

            if (path.EndsWith("/targets", StringComparison.Ordinal))
            {
                return StubHandler.Json("{\"status\":\"success\",\"data\":{\"activeTargets\":[{\"labels\":{\"job\":\"stage-validation\"},\"scrapeUrl\":\"http://svc:8080/metrics\",\"health\":\"" + TargetHealth.Health + "\",\"lastError\":\"" + TargetHealth.Error + "\"}]}}");
            }

            return new HttpResponseMessage(HttpStatusCode.NotFound);
        }
    }
}
