using System.Net;
using System.Text.Json;
using ReferenceImpl.Api.Hosting;
using ReferenceImpl.Api.Profiles;
using StageContract.Modes;

namespace ReferenceImpl.Api.Tests.Profiles;

/// <summary>
/// What contract sections 3-5 fix, checked by meaning (never by one profile's bytes) and run against
/// every profile by a one-line subclass: the mode header on every stage response, the whole
/// deprecation set with the service's own sunset and docs URL, at most 10 variants in visible ASCII,
/// the enforcement bucket, problem details. Webhook, metrics and payload rules are in the other part.
/// </summary>
public abstract partial class ProfileConformanceTests
{
    private static readonly string[] DeprecationSet = ["Deprecation", "Sunset", "X-Stage-Deprecated-Variants", "X-Stage-Docs", "Link"];

    /// <summary>The profile under test.</summary>
    protected abstract ServiceProfile Profile { get; }

    [Theory]
    [InlineData("off")]
    [InlineData("warn")]
    [InlineData("shadow")]
    [InlineData("enforce")]
    public async Task StageResponses_AnyOutcome_CarryModeHeader(string configuration)
    {
        await using var host = await StartAsync(Conformance.Settings(configuration));
        foreach (var endpoint in StageEndpoint.All)
        {
            foreach (var stage in new[] { "series-a", " Series_A ", "growth", "" })
            {
                using var response = await endpoint.SendAsync(host, stage);
                Assert.Equal(configuration, OutcomeTableTests.Header(response, "X-Stage-Mode"));
            }
        }

        foreach (var path in new[] { "/api/monte-carlo/simulate", "/api/portfolio/strategies", "/api/allocations" })
        {
            using var malformed = await host.PostJsonAsync(path, "{\"fundId\":");
            Assert.Equal(configuration, OutcomeTableTests.Header(malformed, "X-Stage-Mode"));
        }

        foreach (var path in new[] { "/api/funds/999/companies?stage=seed", "/api/allocations/nope", "/api/portfolio/strategies/nope" })
        {
            using var missing = await host.Client.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.Equal(configuration, OutcomeTableTests.Header(missing, "X-Stage-Mode"));
        }
    }

    [Theory]
    [InlineData("warn")]
    [InlineData("shadow")]
    public async Task UnknownStage_WarnOrShadow_CarriesWholeDeprecationSetWithOwnValues(string configuration)
    {
        await using var host = await StartAsync(Conformance.Settings(configuration));
        var report = await SelfReport.ReadAsync(host);
        Assert.True(Conformance.IsImfFixdate(report.Sunset), report.Sunset);
        foreach (var endpoint in StageEndpoint.All)
        {
            using var response = await endpoint.SendAsync(host, "growth");
            Assert.True(response.IsSuccessStatusCode, endpoint.Name);
            Assert.Equal("true", OutcomeTableTests.Header(response, "Deprecation"));
            Assert.Equal(report.Sunset, OutcomeTableTests.Header(response, "Sunset"));
            Assert.Equal(report.DocsUrl, OutcomeTableTests.Header(response, "X-Stage-Docs"));
            var link = Conformance.LinkPattern().Match(OutcomeTableTests.Header(response, "Link") ?? "");
            Assert.True(link.Success && link.Groups["url"].Value == report.DocsUrl, OutcomeTableTests.Header(response, "Link"));
            Assert.Equal(["growth"], Conformance.Variants(OutcomeTableTests.Header(response, "X-Stage-Deprecated-Variants")!));
            var shadow = configuration == "shadow";
            Assert.Equal(shadow ? "true" : null, OutcomeTableTests.Header(response, "X-Stage-Would-Reject"));
            Assert.Equal(shadow, OutcomeTableTests.Header(response, "X-Stage-Recommendation") is { Length: > 0 } text && Conformance.IsVisibleAscii(text, space: true));
        }
    }

    [Theory]
    [InlineData("off")]
    [InlineData("enforce")]
    public async Task UnknownStage_OffOrEnforce_NoDeprecationSet(string configuration)
    {
        await using var host = await StartAsync(Conformance.Settings(configuration));
        foreach (var endpoint in StageEndpoint.All)
        {
            using var response = await endpoint.SendAsync(host, "growth", "req-" + endpoint.Name);
            Assert.All(DeprecationSet.Append("X-Stage-Would-Reject"), h => Assert.Null(OutcomeTableTests.Header(response, h)));
            if (configuration == "off")
            {
                Assert.True(response.IsSuccessStatusCode, endpoint.Name);
                continue;
            }

            using var problem = await Conformance.ProblemAsync(response, 400);
            var root = problem.RootElement;
            Assert.Equal(endpoint.IsArray ? "INVALID_STAGE_DISTRIBUTION" : "INVALID_STAGE", root.GetProperty("code").GetString());
            Assert.Equal(["growth"], root.GetProperty("invalid").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal("growth", root.GetProperty("suggestions")[0].GetProperty("input").GetString());
            Assert.Equal(["pre-seed", "seed", "series-a", "series-b", "series-c", "series-c+"], root.GetProperty("validStages").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal("req-" + endpoint.Name, root.GetProperty("correlationId").GetString());
        }
    }

    [Fact]
    public async Task ManyUnknownValues_ListAtMostTenThenCount()
    {
        await using var host = await StartAsync(Conformance.Settings("warn"));
        var sent = Enumerable.Range(0, 15).Select(i => $"legacy-{i:D2}").ToList();
        var query = string.Join("&", sent.Concat(sent).Select(s => "stage=" + s));
        using var response = await host.Client.GetAsync("/api/funds/1/companies?" + query);
        var items = OutcomeTableTests.Header(response, "X-Stage-Deprecated-Variants")!.Split(',');
        Assert.Equal(11, items.Length);
        Assert.Equal("...(+5)", items[^1]);
        var listed = items[..^1].Select(Conformance.Decode).ToList();
        Assert.Equal(10, listed.Distinct().Count());
        Assert.All(listed, v => Assert.Contains(v, sent));
    }

    [Fact]
    public async Task HostileValues_HeadersStayVisibleAscii_OneItemPerValue()
    {
        await using var host = await StartAsync(Conformance.Settings("shadow"));
        string[] sent = ["a,b", "ЅЕЕD", "x\"y", "50%", "", "🙂 rocket", "late stage\t", new string('z', 300), "+plus", "semi;colon"];
        using var response = await host.Client.GetAsync("/api/funds/1/companies?" + string.Join("&", sent.Select(s => "stage=" + Uri.EscapeDataString(s))));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.All(response.Headers, h => Assert.All(h.Value, v => Assert.True(Conformance.IsVisibleAscii(v, space: true), $"{h.Key}: {v}")));
        var items = OutcomeTableTests.Header(response, "X-Stage-Deprecated-Variants")!.Split(',');
        Assert.Equal(sent.Length, items.Length);
        Assert.All(items, item => Assert.True(Conformance.IsVisibleAscii(item, space: false) || item.Length == 0, item));
        var matched = items.Select(item => sent.Where(s => Conformance.Matches(Conformance.Decode(item), s)).ToList()).ToList();
        Assert.All(matched, m => Assert.Single(m));
        Assert.Equal(sent.Length, matched.Select(m => m[0]).Distinct().Count());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(25)]
    [InlineData(100)]
    public async Task EnforcementPercent_FollowsTheContractBucket(int percent)
    {
        await using var host = await StartAsync(new ModeSettings { GlobalMode = ValidationMode.Enforce, EnforcementPercent = percent });
        foreach (var id in Enumerable.Range(0, 100).Select(i => $"bucket-{i:D3}").Append("abc"))
        {
            using var response = await StageEndpoint.Named("companies").SendAsync(host, "growth", id);
            var enforced = EnforcementBucket.Of(id) < percent;
            Assert.Equal(enforced ? "enforce" : "warn", OutcomeTableTests.Header(response, "X-Stage-Mode"));
            Assert.Equal(enforced ? 400 : 200, (int)response.StatusCode);
            Assert.Equal(id, OutcomeTableTests.Header(response, "X-Request-Id"));
        }
    }

    [Theory]
    [InlineData("POST", "/api/monte-carlo/simulate", "{\"fundId\":", 400, null)]
    [InlineData("GET", "/api/nothing-here", null, 404, null)]
    [InlineData("DELETE", "/api/monte-carlo/simulate", "{}", 405, null)]
    [InlineData("POST", "/api/funds/1/companies", "{}", 405, null)]
    [InlineData("POST", "/api/monte-carlo/simulate", "{\"fundId\":999,\"runs\":10,\"stageDistribution\":[{\"stage\":\"seed\",\"weight\":1}]}", 404, null)]
    [InlineData("POST", "/api/monte-carlo/simulate", "{\"fundId\":1,\"runs\":0,\"stageDistribution\":[{\"stage\":\"seed\",\"weight\":1}]}", 400, "VALIDATION_ERROR")]
    [InlineData("POST", "/api/monte-carlo/simulate", "{\"fundId\":1,\"runs\":10,\"stageDistribution\":[{\"stage\":\"seed\",\"weight\":0.5}]}", 400, "INVALID_STAGE_WEIGHTS")]
    [InlineData("POST", "/api/monte-carlo/simulate", "{\"fundId\":1,\"runs\":10,\"stageDistribution\":[{\"stage\":\"growth\",\"weight\":1}]}", 422, "NO_KNOWN_STAGES")]
    public async Task Errors_AreProblemDetails(string method, string path, string? body, int status, string? contractCode)
    {
        await using var host = await StartAsync(Conformance.Settings("warn"));
        using var response = await host.SendAsync(new HttpMethod(method), path, body);
        using var problem = await Conformance.ProblemAsync(response, status);
        if (contractCode is not null)
        {
            Assert.Equal(contractCode, problem.RootElement.GetProperty("code").GetString());
        }
    }

    [Fact]
    public async Task WrongMediaType_Is415ProblemDetails()
    {
        await using var host = await StartAsync(Conformance.Settings("warn"));
        using var content = new StringContent("{}", System.Text.Encoding.UTF8, "text/plain");
        using var response = await host.Client.PostAsync("/api/monte-carlo/simulate", content);
        (await Conformance.ProblemAsync(response, 415)).Dispose();
    }

    /// <summary>Starts the profile's service.</summary>
    protected Task<ServiceHost> StartAsync(ModeSettings modes, Func<ServiceOptions, ServiceOptions>? configure = null) =>
        ServiceHost.StartAsync((configure ?? (o => o))(new ServiceOptions { Modes = modes, Profile = Profile }));
}
