using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Harness.Engine.Gates;
using Harness.Engine.Gates.Readiness;
using Harness.Engine.Plans;
using Harness.Engine.Targets;
using StageContract;

namespace Harness.Engine.Tests.Gates;

/// <summary>
/// Issue 10: the readiness gates counted every answer with X-Stage-Mode as validated, took "unknown"
/// from the target's own headers, and matched INVALID_STAGE as a substring. Each test is a target
/// that fooled that rule.
/// </summary>
public sealed class TrafficReadinessGateTests : IDisposable
{
    private static readonly Phase Warn = new() { Name = "warn", Configuration = new PhaseConfiguration { Mode = "warn" }, Gates = [] };
    private readonly string _directory = Directory.CreateTempSubdirectory("readiness-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>Payload 400s with X-Stage-Mode were validated, and INVALID_STAGE_WEIGHTS counted as an unknown stage: 25 % instead of 0 % of 900.</summary>
    [Fact]
    public async Task UnknownRate_BadWeightsAnsweredRight_AreNeitherValidatedNorUnknown()
    {
        var capture = Capture(1200, i => i % 4 == 0 ? ("seed", 0.5) : ("seed", 1.0));
        var result = await RunAsync(capture, Conforming(sendDeprecation: true));

        Assert.True(result.Status == GateStatus.Pass, result.Reason);
        Assert.Equal(0, result.Value);
        Assert.Equal(900, result.SampleSize);
    }

    /// <summary>A target that serves unknown stages without saying so looked clean: the harness now classifies them itself.</summary>
    [Fact]
    public async Task UnknownRate_TargetHidingUnknownStages_CountsThemAndFailsOnItsAnswers()
    {
        var capture = Capture(200, i => i % 10 == 0 ? ("growth", 1.0) : ("seed", 1.0));
        var result = await RunAsync(capture, Conforming(sendDeprecation: false));

        Assert.Equal(GateStatus.Fail, result.Status);
        Assert.Equal(0.1, result.Value!.Value, 6);
        Assert.Contains(result.Evidence, e => e.Detail!.Contains("Deprecation: expected true", StringComparison.Ordinal));
        Assert.Contains("otherwise than the contract gives", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownRate_CleanCaptureAnsweredRight_Passes()
    {
        var result = await RunAsync(Capture(1000, _ => ("Series A", 1.0)), Conforming(sendDeprecation: true));

        Assert.True(result.Status == GateStatus.Pass, result.Reason);
        Assert.Equal(1000, result.SampleSize);
    }

    [Fact]
    public async Task UnknownRate_TargetAnswering500_Fails()
    {
        var http = StubHandler.Client(_ => Answer(HttpStatusCode.InternalServerError, null));
        var result = await RunAsync(Capture(200, _ => ("seed", 1.0)), http);

        Assert.Equal(GateStatus.Fail, result.Status);
        Assert.Contains(result.Evidence, e => e.Detail!.Contains("answered 500", StringComparison.Ordinal));
    }

    private async Task<GateResult> RunAsync(string capture, HttpClient http)
    {
        var spec = PlanLoader.Parse("""
            version: 1
            phases:
              - name: p
                configuration: { mode: warn }
                gates:
                  - id: unknown-rate
                    kind: unknown-rate
                    threshold: "< 0.5%"
            """, "p.yaml", _directory).Phases[0].Gates[0];
        var context = new GateContext
        {
            Http = http,
            Phase = Warn,
            Spec = spec,
            Seed = 5,
            CapturePath = capture,
            DeprecationValues = DeprecationValues.ToLearn(ContractRules.Default.Data.Headers),
        };
        return await TrafficReadinessGate.UnknownRate.Create(spec).Gate!.EvaluateAsync(context, CancellationToken.None);
    }

    /// <summary>Monte Carlo requests, each with one stage and weight.</summary>
    private string Capture(int count, Func<int, (string Stage, double Weight)> entry)
    {
        var lines = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            var (stage, weight) = entry(i);
            lines.AppendLine(JsonSerializer.Serialize(new
            {
                method = "POST",
                path = "/api/monte-carlo/simulate",
                body = new { fundId = 1, runs = 10, stageDistribution = new[] { new { stage, weight } } },
                requestId = "cap-" + i.ToString(CultureInfo.InvariantCulture),
            }));
        }

        var path = Path.Combine(_directory, "capture.jsonl");
        File.WriteAllText(path, lines.ToString());
        return path;
    }

    /// <summary>A warn target that reads the sum and the stage as the contract does; with or without the deprecation set for an unknown stage.</summary>
    private static HttpClient Conforming(bool sendDeprecation) => StubHandler.Client(request =>
    {
        using var body = JsonDocument.Parse(request.Content!.ReadAsStream());
        var entry = body.RootElement.GetProperty("stageDistribution")[0];
        if (entry.GetProperty("weight").GetDouble() != 1.0)
        {
            return Answer(HttpStatusCode.BadRequest, "INVALID_STAGE_WEIGHTS");
        }

        var known = ContractRules.Default.Normalizer.Normalize(entry.GetProperty("stage").GetString()).IsKnown;
        var response = Answer(known ? HttpStatusCode.OK : HttpStatusCode.UnprocessableEntity, known ? null : "NO_KNOWN_STAGES");
        if (!known && sendDeprecation)
        {
            response.Headers.Add("Deprecation", "true");
        }

        return response;
    });

    private static HttpResponseMessage Answer(HttpStatusCode status, string? code)
    {
        var response = new HttpResponseMessage(status)
        {
            Content = new StringContent(code is null ? "{}" : $"{{\"code\":\"{code}\"}}", Encoding.UTF8, code is null ? "application/json" : "application/problem+json"),
        };
        response.Headers.Add("X-Stage-Mode", "warn");
        return response;
    }
}
