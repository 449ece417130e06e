using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using StageContract.Modes;

namespace ReferenceImpl.Api.Tests.Profiles;

/// <summary>The second part of the suite: payload rules, the webhook (section 8), metrics (section 9), request ids.</summary>
public abstract partial class ProfileConformanceTests
{
    [Theory]
    [InlineData("monte-carlo")]
    [InlineData("strategies")]
    [InlineData("allocations")]
    [InlineData("companies")]
    public async Task ValidPayload_InEveryMode_SameStatusAndBody(string endpointName)
    {
        var endpoint = StageEndpoint.Named(endpointName);
        var answers = new HashSet<string>();
        foreach (var configuration in new[] { "off", "warn", "shadow", "enforce" })
        {
            await using var host = await StartAsync(Conformance.Settings(configuration));
            using var response = await endpoint.SendAsync(host, "Series A");
            Assert.True(response.IsSuccessStatusCode);
            answers.Add((int)response.StatusCode + " " + IdPattern().Replace(await response.Content.ReadAsStringAsync(), "*"));
        }

        Assert.Single(answers);
    }

    [Fact]
    public async Task Distribution_DuplicatesSummed_RescaledInsideTolerance()
    {
        await using var host = await StartAsync(Conformance.Settings("warn"));
        using var response = await host.PostJsonAsync("/api/monte-carlo/simulate",
            """{"fundId":1,"runs":10,"seed":1,"stageDistribution":[{"stage":"seed","weight":0.3},{"stage":"Seed","weight":0.2},{"stage":"series-a","weight":0.50005}]}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var weights = document.RootElement.GetProperty("stageDistribution").EnumerateArray()
            .ToDictionary(e => e.GetProperty("stage").GetString()!, e => e.GetProperty("weight").GetDouble());
        Assert.Equal(["seed", "series-a"], weights.Keys);
        Assert.Equal(0.5 / 1.00005, weights["seed"], 9);
        Assert.True(Math.Abs(1 - weights.Values.Sum()) <= 1e-6);
    }

    [Fact]
    public async Task RequestId_EchoedWhenValid_ElseANewGuid()
    {
        await using var host = await StartAsync(Conformance.Settings("warn"));
        using var given = await host.SendAsync(HttpMethod.Get, "/api/funds/1/companies", null, "trace-42");
        Assert.Equal("trace-42", OutcomeTableTests.Header(given, "X-Request-Id"));
        using var invalid = await host.SendAsync(HttpMethod.Get, "/api/funds/1/companies", null, "has space");
        Assert.True(Guid.TryParse(OutcomeTableTests.Header(invalid, "X-Request-Id"), out _));
        using var none = await host.Client.GetAsync("/api/funds/1/companies");
        Assert.True(Guid.TryParse(OutcomeTableTests.Header(none, "X-Request-Id"), out _));
    }

    [Fact]
    public async Task Webhook_SignedFiringAlert_DowngradesEnforceRequestsToWarn()
    {
        var time = new FakeTimeProvider(Alerts.Start);
        await using var host = await StartWebhookHostAsync(time);
        using var before = await StageEndpoint.Named("companies").SendAsync(host, "growth");
        Assert.Equal("enforce", OutcomeTableTests.Header(before, "X-Stage-Mode"));
        using var alert = await Alerts.SendAsync(host, Alerts.Signed(time.GetUtcNow().ToUnixTimeSeconds()));
        Assert.Equal(HttpStatusCode.OK, alert.StatusCode);
        using var after = await StageEndpoint.Named("companies").SendAsync(host, "growth");
        Assert.Equal("warn", OutcomeTableTests.Header(after, "X-Stage-Mode"));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    [InlineData(3600)]
    public async Task Webhook_TimestampOutsideWindow_Is401_ModeUnchanged(int offsetSeconds)
    {
        var time = new FakeTimeProvider(Alerts.Start);
        await using var host = await StartWebhookHostAsync(time);
        using var alert = await Alerts.SendAsync(host, Alerts.Signed(time.GetUtcNow().ToUnixTimeSeconds() + offsetSeconds));
        (await Conformance.ProblemAsync(alert, 401)).Dispose();
        Assert.Equal("enforce", (await SelfReport.ReadAsync(host)).Mode);
    }

    [Fact]
    public async Task Webhook_ReplayedSignatureAndReplayedGroup_Are409()
    {
        var time = new FakeTimeProvider(Alerts.Start);
        await using var host = await StartWebhookHostAsync(time);
        var signed = Alerts.Signed(time.GetUtcNow().ToUnixTimeSeconds());
        using var first = await Alerts.SendAsync(host, signed);
        using var replay = await Alerts.SendAsync(host, signed);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        (await Conformance.ProblemAsync(replay, 409)).Dispose();
        using var group = await Alerts.SendAsync(host, Alerts.Bearer);
        using var groupReplay = await Alerts.SendAsync(host, Alerts.Bearer);
        Assert.Equal(HttpStatusCode.OK, group.StatusCode);
        (await Conformance.ProblemAsync(groupReplay, 409)).Dispose();
        using var unsigned = await Alerts.SendAsync(host, _ => { });
        (await Conformance.ProblemAsync(unsigned, 401)).Dispose();
    }

    [Fact]
    public async Task Metrics_ContractFamilies_BoundedLabels_NoRawValues()
    {
        await using var host = await StartAsync(Conformance.Settings("shadow"));
        string[] raw = ["growth", "late stage", "ЅЕЕD", "x\"}y"];
        foreach (var endpoint in StageEndpoint.All)
        {
            foreach (var stage in raw.Append("Series A"))
            {
                (await endpoint.SendAsync(host, stage)).Dispose();
            }
        }

        var text = await host.Client.GetStringAsync("/metrics");
        foreach (var family in new[] { "stage_validation_validations_total", "stage_validation_duration_seconds", "stage_deprecation_header_emitted_total", "stage_warn_unknown_total", "stage_validation_mode", "http_requests_total" })
        {
            Assert.Contains("\n" + family, text, StringComparison.Ordinal);
        }

        var closed = new Dictionary<string, string[]>
        {
            ["mode"] = ["off", "warn", "shadow", "enforce"],
            ["input_type"] = ["array", "object", "query", "scalar"],
            ["result"] = ["ok", "normalized", "pass", "warn", "would_reject", "reject"],
            ["cardinality"] = ["1", "2-5", "6-10", "11+"],
            ["status_class"] = ["1xx", "2xx", "3xx", "4xx", "5xx"],
        };
        foreach (Match pair in LabelPattern().Matches(text))
        {
            var (name, value) = (pair.Groups["name"].Value, pair.Groups["value"].Value);
            Assert.DoesNotContain(value, raw);
            Assert.True(!closed.TryGetValue(name, out var allowed) || allowed.Contains(value), $"{name}=\"{value}\"");
        }

        Assert.Contains("le=\"1e-05\"", text, StringComparison.Ordinal);
    }

    private Task<ServiceHost> StartWebhookHostAsync(FakeTimeProvider time) =>
        StartAsync(new ModeSettings { GlobalMode = ValidationMode.Enforce }, o => Alerts.Configure(o, time));

    [GeneratedRegex("\"id\":\"[0-9a-f]{32}\"")]
    private static partial Regex IdPattern();

    [GeneratedRegex("(?<name>[a-z_]+)=\"(?<value>[^\"]*)\"")]
    private static partial Regex LabelPattern();
}
