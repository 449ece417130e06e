using System.Net;
using System.Text;
using Harness.Engine.Gates;
using Harness.Engine.Gates.DecisionTable;
using Harness.Engine.Gates.Golden;
using Harness.Engine.Gates.HeaderCoverage;
using Harness.Engine.Plans;

namespace Harness.Engine.Tests.Gates;

/// <summary>The HTTP gates against stub targets that break the contract in one known way each.</summary>
public sealed class TrafficGateTests
{
    private static readonly Phase Warn = new()
    {
        Name = "warn",
        Configuration = new PhaseConfiguration { Mode = "warn" },
        Gates = [],
    };

    private static GateContext Context(HttpClient http, GateSpec spec, Phase? phase = null) =>
        new() { Http = http, Phase = phase ?? Warn, Spec = spec, Seed = 3, DeprecationValues = Harness.Engine.Targets.DeprecationValues.ToLearn(StageContract.ContractRules.Default.Data.Headers) };

    private static GateSpec Spec(string kind, string parameters = "{}") => PlanLoader.Parse($"""
        version: 1
        phases:
          - name: p
            configuration: {"{"} mode: warn {"}"}
            gates:
              - id: g
                kind: {kind}
                parameters: {parameters}
        """, "p.yaml", Directory.GetCurrentDirectory()).Phases[0].Gates[0];

    /// <summary>Serves everything 200 in warn, with or without the deprecation set.</summary>
    private static HttpClient WarnTarget(bool withDeprecation) => StubHandler.Client(request =>
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{\"id\":\"x1\"}", Encoding.UTF8, "application/json") };
        response.Headers.Add("X-Stage-Mode", "warn");
        if (withDeprecation)
        {
            response.Headers.Add("Deprecation", "true");
        }

        return response;
    });

    [Fact]
    public async Task HeaderCoverage_TargetWithoutTheSet_FailsWithEvidence()
    {
        var spec = Spec(GateKinds.HeaderCoverage, "{ requests: 60 }");
        var result = await HeaderCoverageGate.Create(spec).Gate!.EvaluateAsync(Context(WarnTarget(false), spec), CancellationToken.None);
        Assert.Equal(GateStatus.Fail, result.Status);
        Assert.Equal(0, result.Value);
        Assert.Equal(60, result.SampleSize);
        Assert.Contains("Deprecation: expected true, got (absent)", result.Evidence[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HeaderCoverage_PartialSet_StillFails()
    {
        var spec = Spec(GateKinds.HeaderCoverage, "{ requests: 60 }");
        var result = await HeaderCoverageGate.Create(spec).Gate!.EvaluateAsync(Context(WarnTarget(true), spec), CancellationToken.None);
        Assert.Equal(GateStatus.Fail, result.Status);
        Assert.Contains("Sunset: absent", result.Evidence[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HeaderCoverage_TooFewWarnResponses_IsInconclusive()
    {
        var spec = Spec(GateKinds.HeaderCoverage, "{ requests: 10, minSamples: 50 }");
        var result = await HeaderCoverageGate.Create(spec).Gate!.EvaluateAsync(Context(WarnTarget(false), spec), CancellationToken.None);
        Assert.Equal(GateStatus.Inconclusive, result.Status);
        Assert.Contains("only 10", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DecisionTable_TargetThatServesEverything_FailsInEnforce()
    {
        var enforce = Warn with { Configuration = new PhaseConfiguration { Mode = "enforce" } };
        var spec = Spec(GateKinds.DecisionTable, "{ requests: 100, minSamples: 10, traffic: unknown }");
        var result = await DecisionTableGate.Create(spec).Gate!.EvaluateAsync(Context(WarnTarget(false), spec, enforce), CancellationToken.None);
        Assert.Equal(GateStatus.Fail, result.Status);
        Assert.Contains(result.Evidence, e => e.Expected.StartsWith("400 INVALID_STAGE", StringComparison.Ordinal) && e.Actual.StartsWith("200", StringComparison.Ordinal));
        Assert.Contains(result.Evidence, e => e.Detail!.Contains("X-Stage-Mode: expected enforce, got warn", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DecisionTable_UnreachableTarget_IsNotEvaluated()
    {
        var spec = Spec(GateKinds.DecisionTable);
        var result = await DecisionTableGate.Create(spec).Gate!.EvaluateAsync(Context(StubHandler.Unreachable(), spec), CancellationToken.None);
        Assert.Equal(GateStatus.NotEvaluated, result.Status);
    }

    [Fact]
    public async Task HeaderCoverage_UnreachableTarget_IsNotEvaluated()
    {
        var spec = Spec(GateKinds.HeaderCoverage, "{ requests: 5 }");
        var result = await HeaderCoverageGate.Create(spec).Gate!.EvaluateAsync(Context(StubHandler.Unreachable(), spec), CancellationToken.None);
        Assert.Equal(GateStatus.NotEvaluated, result.Status);
        Assert.Contains("Connection refused", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Golden_UnreachableTarget_IsNotEvaluated()
    {
        var spec = Spec(GateKinds.GoldenConformance);
        var result = await GoldenConformanceGate.Create(spec).Gate!.EvaluateAsync(Context(StubHandler.Unreachable(), spec), CancellationToken.None);
        Assert.Equal(GateStatus.NotEvaluated, result.Status);
    }

    [Fact]
    public async Task Golden_MissingCorpus_IsNotEvaluatedNamingIt()
    {
        var spec = Spec(GateKinds.GoldenConformance, "{ corpus: no-such-corpus }");
        var result = await GoldenConformanceGate.Create(spec).Gate!.EvaluateAsync(Context(WarnTarget(true), spec), CancellationToken.None);
        Assert.Equal(GateStatus.NotEvaluated, result.Status);
        Assert.Contains("cannot load the golden corpus", result.Reason, StringComparison.Ordinal);
        Assert.Contains("no-such-corpus", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Golden_TargetThatIgnoresTheContract_FailsWithExpectedVersusActual()
    {
        var spec = Spec(GateKinds.GoldenConformance);
        var result = await GoldenConformanceGate.Create(spec).Gate!.EvaluateAsync(Context(WarnTarget(false), spec), CancellationToken.None);
        Assert.Equal(GateStatus.Fail, result.Status);
        Assert.True(result.SampleSize > 10);
        Assert.Contains(result.Evidence, e => e.Detail == "status" && e.Actual == "200");
    }
}
