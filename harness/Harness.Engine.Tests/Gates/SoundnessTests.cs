using System.Net;
using System.Text;
using Harness.Engine.Gates;
using Harness.Engine.Gates.Load;
using Harness.Engine.Plans;
using Harness.Engine.Targets;
using Scenarios.Results;
using StageContract;

namespace Harness.Engine.Tests.Gates;

/// <summary>
/// Gates that once passed on thin evidence: each test is a target that fools the old rule (a 5xx
/// with the right header, a histogram that records nothing, requests that never come back).
/// </summary>
public sealed class SoundnessTests
{
    private static readonly Phase Enforce25 = new() { Name = "enforce-25", Configuration = new PhaseConfiguration { Mode = "enforce", EnforcementPercent = 25 }, Gates = [] };

    [Fact]
    public async Task EnforcedShare_TargetAnswering500WithTheRightModeHeader_Fails()
    {
        var http = StubHandler.Client(request =>
        {
            var id = request.Headers.GetValues("X-Request-Id").First();
            var mode = ContractRules.Default.Decider.Decide(Enforce25.Configuration.ToModeSettings(), "GET", "/api/funds/{fundId}/companies", id);
            var response = new HttpResponseMessage(HttpStatusCode.InternalServerError);
            response.Headers.Add("X-Stage-Mode", StageContract.Modes.ModeNames.ToWire(mode));
            return response;
        });
        var result = await RunAsync(GateKinds.EnforcedShare, "{ requests: 200, minSamples: 100 }", http, Enforce25);
        Assert.Equal(GateStatus.Fail, result.Status);
        Assert.Contains(result.Evidence, e => e.Actual.StartsWith("500", StringComparison.Ordinal) && e.Detail == "a canonical read must be served");
    }

    [Fact]
    public async Task EnforcedShare_TooFewAnswers_IsInconclusiveNotAPass()
    {
        var calls = 0;
        var http = StubHandler.Client(request =>
        {
            if (Interlocked.Increment(ref calls) > 60)
            {
                throw new HttpRequestException("Connection reset");
            }

            var id = request.Headers.GetValues("X-Request-Id").First();
            var mode = ContractRules.Default.Decider.Decide(Enforce25.Configuration.ToModeSettings(), "GET", "/api/funds/{fundId}/companies", id);
            var response = new HttpResponseMessage(HttpStatusCode.OK);
            response.Headers.Add("X-Stage-Mode", StageContract.Modes.ModeNames.ToWire(mode));
            return response;
        });
        var result = await RunAsync(GateKinds.EnforcedShare, "{ requests: 200, minSamples: 100, concurrency: 1 }", http, Enforce25);
        Assert.Equal(GateStatus.Inconclusive, result.Status);
        Assert.Contains("only 60 of 200 requests were answered", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidatorLatency_HistogramThatDoesNotGrow_Fails()
    {
        const string Metrics = """
            # TYPE stage_validation_duration_seconds histogram
            stage_validation_duration_seconds_bucket{endpoint="/x",mode="warn",input_type="array",cardinality="1",le="0.00001"} 5000
            stage_validation_duration_seconds_bucket{endpoint="/x",mode="warn",input_type="array",cardinality="1",le="+Inf"} 5000
            """;
        var http = StubHandler.Client(request => request.RequestUri!.AbsolutePath == "/metrics"
            ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(Metrics, Encoding.UTF8, "text/plain") }
            : StubHandler.Json("{\"id\":\"x1\"}"));
        var warn = Enforce25 with { Configuration = new PhaseConfiguration { Mode = "off" } };
        var result = await RunAsync(GateKinds.ValidatorLatency, "{ requests: 50, minSamples: 10 }", http, warn, "<= 5ms");
        Assert.Equal(GateStatus.Fail, result.Status);
        Assert.Contains("grew by 0 observations", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void LatencyPercentile_RequestsWithoutAnswer_CountAsSlowerThanEveryAnswer()
    {
        var fast = Step(completed: 980, transport: 20);
        Assert.True(double.IsPositiveInfinity(Harness.Engine.Gates.Load.LatencyUnderLoadGate.Percentile(fast, 99)));
        var mostlyAnswered = Step(completed: 998, transport: 2);
        Assert.Equal(0.001, Harness.Engine.Gates.Load.LatencyUnderLoadGate.Percentile(mostlyAnswered, 99), 4);
    }

    private static StepResult Step(long completed, long transport) => new()
    {
        Name = "steady",
        Model = "open",
        DurationSeconds = 5,
        Sent = completed + transport,
        Completed = completed,
        TransportErrors = transport,
        Latency = [[1_000, completed]],
    };

    private static async Task<GateResult> RunAsync(string kind, string parameters, HttpClient http, Phase phase, string? threshold = null)
    {
        var spec = new GateSpec { Id = "g", Kind = kind, Parameters = new GateParameters(System.Text.Json.JsonDocument.Parse(Yaml(parameters)).RootElement.Clone()), Threshold = threshold is null ? null : Threshold.Parse(threshold) };
        var creation = BuiltInGates.Registry.Create(spec);
        Assert.True(creation.Succeeded, creation.Error);
        var context = new GateContext
        {
            Http = http,
            Phase = phase,
            Spec = spec,
            Seed = 11,
            DeprecationValues = DeprecationValues.ToLearn(ContractRules.Default.Data.Headers),
        };
        return await creation.Gate.EvaluateAsync(context, CancellationToken.None);
    }

    private static string Yaml(string flow) =>
        "{" + string.Join(",", flow.Trim('{', '}', ' ').Split(',').Select(p => p.Split(':')).Select(kv => $"\"{kv[0].Trim()}\":{kv[1].Trim()}")) + "}";
}
