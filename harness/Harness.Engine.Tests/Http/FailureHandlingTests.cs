using System.Net.Sockets;
using Flurl.Http;
using Flurl.Http.Testing;
using GoldenPayloads.Corpus;
using GoldenPayloads.Running;
using Harness.Engine.Gates;
using Harness.Engine.Gates.Drills;
using Harness.Engine.Gates.Golden;
using Harness.Engine.Gates.Latency;
using Harness.Engine.Gates.Traffic;
using Harness.Engine.Metrics;
using Harness.Engine.Observability.Live;
using Harness.Engine.Plans;
using Harness.Engine.Requests;
using Harness.Engine.Targets;
using StageContract;

namespace Harness.Engine.Tests.Http;

/// <summary>
/// Failure handling of the non-hot HTTP paths (Flurl.Http), with Flurl's <see cref="HttpTest"/> in place of a target:
/// a timeout, a reset connection, a malformed answer each ends as a clear error or NotEvaluated, never as a pass
/// or an unhandled exception. <see cref="HttpTest"/> is scoped to the test's async flow (AsyncLocal), so it fakes
/// only this test's calls and never a real-target test running beside it.
/// </summary>
public sealed class FailureHandlingTests
{
    private static readonly Uri Target = new("http://target.test/");

    private static IFlurlClient Client() => TargetClient.Over(new HttpClient { BaseAddress = Target, Timeout = TimeSpan.FromSeconds(30) });

    private static HttpRequestException Reset() =>
        new("Connection reset by peer (target.test:80)", new SocketException((int)SocketError.ConnectionReset));

    private static GateSpec Spec(string kind, string threshold, string parameters = "{}") => PlanLoader.Parse($"""
        version: 1
        phases:
          - name: p
            configuration: {"{"} mode: warn {"}"}
            gates:
              - id: g
                kind: {kind}
                parameters: {parameters}
                threshold: "{threshold}"
        """, "p.yaml", Directory.GetCurrentDirectory()).Phases[0].Gates[0];

    private static GateContext Context(GateSpec spec) => new()
    {
        Http = new HttpClient { BaseAddress = Target },
        Client = Client(),
        Phase = new Phase { Name = "warn", Configuration = new PhaseConfiguration { Mode = "warn" }, Gates = [] },
        Spec = spec,
        Seed = 3,
        DeprecationValues = DeprecationValues.ToLearn(ContractRules.Default.Data.Headers),
    };

    [Fact]
    public async Task TargetProbe_Timeout_IsUnreachableSayingNoAnswer()
    {
        using var test = new HttpTest();
        test.SimulateTimeout();
        var read = await TargetProbe.ReadAsync(Client(), ContractRules.Default.Endpoints.Routes, CancellationToken.None);
        Assert.True(read.Unreachable);
        Assert.Null(read.Report);
        Assert.Contains("no answer from http://target.test/ within 30 s", read.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TargetProbe_ConnectionReset_IsUnreachableNamingTheSocketError()
    {
        using var test = new HttpTest();
        test.SimulateException(Reset());
        var read = await TargetProbe.ReadAsync(Client(), ContractRules.Default.Endpoints.Routes, CancellationToken.None);
        Assert.True(read.Unreachable);
        Assert.StartsWith("cannot reach http://target.test/: ", read.Error, StringComparison.Ordinal);
        Assert.Contains("reset", read.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TargetProbe_HtmlInsteadOfJson_IsReachableButNotAReport()
    {
        using var test = new HttpTest();
        test.RespondWith("<html><body>Sign in</body></html>", 200, new { Content_Type = "text/html" });
        var read = await TargetProbe.ReadAsync(Client(), ContractRules.Default.Endpoints.Routes, CancellationToken.None);
        Assert.False(read.Unreachable);
        Assert.Null(read.Report);
        Assert.Contains("not JSON", read.Error, StringComparison.Ordinal);
        test.ShouldHaveCalled("http://target.test/api/deprecations").WithVerb(HttpMethod.Get).Times(1);
    }

    [Fact]
    public async Task TargetProbe_ServerError_IsAStatusNotAnException()
    {
        using var test = new HttpTest();
        test.RespondWith("oops", 503);
        var read = await TargetProbe.ReadAsync(Client(), ContractRules.Default.Endpoints.Routes, CancellationToken.None);
        Assert.False(read.Unreachable);
        Assert.Equal("GET /api/deprecations answered 503", read.Error);
    }

    [Fact]
    public async Task MetricsScrape_Timeout_IsAnErrorNotAScrape()
    {
        using var test = new HttpTest();
        test.SimulateTimeout();
        var (scrape, error) = await MetricsScrape.ReadAsync(Client(), CancellationToken.None);
        Assert.Null(scrape);
        Assert.Equal("cannot scrape /metrics: no answer in time", error);
    }

    [Fact]
    public async Task MetricsScrape_HtmlPage_IsNotTakenForMetrics()
    {
        using var test = new HttpTest();
        test.RespondWith("<html>proxy login</html>", 200, new { Content_Type = "text/html; charset=utf-8" });
        var (scrape, error) = await MetricsScrape.ReadAsync(Client(), CancellationToken.None);
        Assert.Null(scrape);
        Assert.Equal("GET /metrics answered text/html, not the Prometheus text format", error);
    }

    [Fact]
    public async Task ValidatorLatency_MetricsScrapeTimesOut_IsNotEvaluated()
    {
        using var test = new HttpTest();
        test.SimulateTimeout();
        var spec = Spec(GateKinds.ValidatorLatency, "<= 5ms", "{ requests: 10 }");
        var result = await ValidatorLatencyGate.Create(spec).Gate!.EvaluateAsync(Context(spec), CancellationToken.None);
        Assert.Equal(GateStatus.NotEvaluated, result.Status);
        Assert.Contains("/metrics could not be read", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ErrorRate_EveryRequestReset_IsNotEvaluatedNotAPass()
    {
        using var test = new HttpTest();
        test.SimulateException(Reset());
        var spec = Spec(GateKinds.ErrorRate, "< 1%", "{ requests: 20 }");
        var result = await ErrorRateGate.Create(spec).Gate!.EvaluateAsync(Context(spec), CancellationToken.None);
        Assert.Equal(GateStatus.NotEvaluated, result.Status);
        Assert.Contains("target unreachable", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StageTraffic_Timeout_IsATransportErrorWithTheTimeout()
    {
        using var test = new HttpTest();
        test.SimulateTimeout();
        var endpoint = ContractRules.Default.Endpoints.TakingStages.First(e => e.Resource is null || e.QueryParameter is not null);
        var observed = await new StageTraffic(Client(), TrafficSettings.Default)
            .SendAsync(new StageRequest(endpoint, [StageContract.Normalization.RawStage.FromString("seed")], "rid-1"), ResourceIds.None, CancellationToken.None);
        Assert.NotNull(observed);
        Assert.Equal(0, observed.Status);
        Assert.Equal("no answer within 30 s", observed.TransportError);
    }

    [Fact]
    public async Task StageTraffic_FixtureAnsweredWithHtml_IsAProblemNotAnId()
    {
        using var test = new HttpTest();
        test.RespondWith("<html>maintenance</html>", 200, new { Content_Type = "text/html" });
        var problems = new List<string>();
        var ids = await new StageTraffic(Client(), TrafficSettings.Default).CreateResourcesAsync(ContractRules.Default, "rid", problems, CancellationToken.None);
        Assert.NotEmpty(problems);
        Assert.All(problems, p => Assert.Contains("to create a fixture failed", p, StringComparison.Ordinal));
        Assert.False(ContractRules.Default.Endpoints.TakingStages.Where(e => e.Resource is not null).All(ids.CanAddress));
    }

    [Fact]
    public async Task AlertWebhook_ConnectionReset_IsStatusZeroWithTheReason()
    {
        using var test = new HttpTest();
        test.SimulateException(Reset());
        var (status, body) = await new AlertWebhook(Client()).PostAsync(AlertWebhook.Notification("g"), null, null, "token", CancellationToken.None);
        Assert.Equal(0, status);
        Assert.StartsWith("no answer: ", body, StringComparison.Ordinal);
        Assert.Contains("reset", body, StringComparison.OrdinalIgnoreCase);
        test.ShouldHaveCalled("http://target.test/" + AlertWebhook.Path).WithVerb(HttpMethod.Post).WithOAuthBearerToken("token").WithContentType("application/json");
    }

    [Fact]
    public async Task AlertWebhook_Unauthorized_IsAStatusNotAnException()
    {
        using var test = new HttpTest();
        test.RespondWith("{\"code\":\"unauthorized\"}", 401);
        var (status, body) = await new AlertWebhook(Client()).PostAsync(AlertWebhook.Notification("g"), "sha256=00", "1", null, CancellationToken.None);
        Assert.Equal(401, status);
        Assert.Contains("unauthorized", body, StringComparison.Ordinal);
        test.ShouldHaveCalled("http://target.test/" + AlertWebhook.Path).WithHeader("X-Alertmanager-Signature", "sha256=00").WithHeader("X-Alertmanager-Timestamp", "1");
    }

    [Fact]
    public async Task PrometheusApi_HtmlInsteadOfJson_ThrowsAQueryErrorQuotingTheAnswer()
    {
        using var test = new HttpTest();
        test.RespondWith("<html>bad gateway</html>", 502, new { Content_Type = "text/html" });
        var error = await Assert.ThrowsAsync<PrometheusQueryException>(() => new PrometheusApi(Client()).QueryAsync("up", null, CancellationToken.None));
        Assert.Contains("Prometheus answered 502 with no JSON: <html>bad gateway</html>", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrometheusApi_Timeout_ThrowsAQueryErrorNotATimeout()
    {
        using var test = new HttpTest();
        test.SimulateTimeout();
        var error = await Assert.ThrowsAsync<PrometheusQueryException>(() => new PrometheusApi(Client()).QueryAsync("up", null, CancellationToken.None));
        Assert.Equal("Prometheus at http://target.test/ did not answer: no answer within the timeout", error.Message);
    }

    [Fact]
    public async Task PrometheusApi_Reset_IsNotReady()
    {
        using var test = new HttpTest();
        test.SimulateException(Reset());
        Assert.False(await new PrometheusApi(Client()).ReadyAsync(CancellationToken.None));
    }

    [Fact]
    public async Task AlertmanagerApi_SilenceAnsweredWithoutJson_ThrowsAQueryError()
    {
        using var test = new HttpTest();
        test.RespondWith("silenced!", 200, new { Content_Type = "text/plain" });
        var api = new AlertmanagerApi(Client(), TimeProvider.System);
        var error = await Assert.ThrowsAsync<PrometheusQueryException>(() => api.SilenceAsync([("job", "x", true)], TimeSpan.FromMinutes(1), "test", CancellationToken.None));
        Assert.Contains("not its JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GoldenRunner_Timeout_ThrowsFlurlTimeout()
    {
        using var test = new HttpTest();
        test.SimulateTimeout();
        var golden = GoldenCorpus.LoadDefault().Cases[0];
        await Assert.ThrowsAsync<FlurlHttpTimeoutException>(() => new GoldenRunner(Client(), ContractRules.Default.Data).RunAsync(golden, Target, "rid", CancellationToken.None));
    }

    [Fact]
    public async Task GoldenConformance_EveryPayloadTimesOut_IsNotEvaluated()
    {
        using var test = new HttpTest();
        test.SimulateTimeout();
        var spec = Spec(GateKinds.GoldenConformance, ">= 100%");
        var result = await GoldenConformanceGate.Create(spec).Gate!.EvaluateAsync(Context(spec), CancellationToken.None);
        Assert.Equal(GateStatus.NotEvaluated, result.Status);
        Assert.Contains("target unreachable: no golden payload got an answer (no answer within the timeout)", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GoldenConformance_TruncatedJsonAnswers_FailWithEvidenceNotPass()
    {
        using var test = new HttpTest();
        test.RespondWith("{\"id\": ", 200, new { Content_Type = "application/json" });
        var spec = Spec(GateKinds.GoldenConformance, ">= 100%");
        var result = await GoldenConformanceGate.Create(spec).Gate!.EvaluateAsync(Context(spec), CancellationToken.None);
        Assert.Equal(GateStatus.Fail, result.Status);
        Assert.Equal(0, result.Value);
        Assert.DoesNotContain("unreachable", result.Reason, StringComparison.Ordinal);
        Assert.NotEmpty(result.Evidence);
    }

    [Fact]
    public async Task TargetClient_OverAUsedClient_LeavesItsTimeoutAndSendsThroughIt()
    {
        var handler = new StubHandler(_ => new HttpResponseMessage(System.Net.HttpStatusCode.ServiceUnavailable));
        using var http = new HttpClient(handler) { BaseAddress = new Uri("http://target.test/base/"), Timeout = TimeSpan.FromSeconds(7) };
        using (await http.GetAsync(new Uri("first", UriKind.Relative))) { }
        using var client = TargetClient.Over(http);
        using var response = await client.Path("metrics").GetAsync();
        Assert.Equal(503, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), http.Timeout);
        Assert.Equal(TimeSpan.FromSeconds(7), client.Settings.Timeout);
        Assert.Equal(["GET http://target.test/base/first", "GET http://target.test/base/metrics"], handler.Requests);
    }

    [Fact]
    public async Task TargetClient_TheHttpClientsTimeout_IsAFlurlTimeout()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromMilliseconds(300) };
        using var client = TargetClient.Over(http);
        var read = await TargetProbe.ReadAsync(client, ContractRules.Default.Endpoints.Routes, CancellationToken.None);
        Assert.True(read.Unreachable);
        Assert.StartsWith($"no answer from http://127.0.0.1:{port}/ within", read.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TargetProbe_CancelledByTheCaller_IsACancellationNotAnUnreachableTarget()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(30) };
        using var client = TargetClient.Over(http);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => TargetProbe.ReadAsync(client, ContractRules.Default.Endpoints.Routes, cancel.Token));
    }
}
