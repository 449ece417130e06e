using System.Net;
using System.Text.Json;
using ReferenceImpl.Api.Funds;
using ReferenceImpl.Api.Hosting;
using ReferenceImpl.Api.Profiles;
using StageContract.Modes;

namespace ReferenceImpl.Api.Tests.Profiles;

/// <summary>Each open choice of the alternative profile, next to the default's answer to the same request.</summary>
public sealed class AlternativeProfileTests
{
    private const string AltDocs = "https://developer.example.org/guides/stage-values";

    [Fact]
    public async Task SelfReport_Alternative_IsItemsInSnakeCase_WithExpressRouteKeys()
    {
        var overrides = new Dictionary<string, ValidationMode> { ["/api/allocations/{id}"] = ValidationMode.Enforce, ["/api/funds/{fundId}/companies"] = ValidationMode.Off };
        await using var host = await StartAsync(ServiceProfile.Alternative, new ModeSettings { GlobalMode = ValidationMode.Warn, Overrides = overrides });
        using var document = JsonDocument.Parse(await host.Client.GetStringAsync("/api/deprecations"));
        var item = Assert.Single(document.RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal(["current_mode", "configured_mode", "dry_run", "enforcement_percent", "enforce_write_only", "endpoint_overrides", "sunset", "docs_url", "valid_stages", "contract_version"],
            item.EnumerateObject().Select(p => p.Name));
        Assert.Equal("warn", item.GetProperty("current_mode").GetString());
        Assert.Equal("{\"/api/allocations/:id\":\"enforce\",\"/api/funds/:fundId/companies\":\"off\"}", item.GetProperty("endpoint_overrides").GetRawText());
        await using var reference = await StartAsync(ServiceProfile.Default, new ModeSettings { GlobalMode = ValidationMode.Warn, Overrides = overrides });
        using var flat = JsonDocument.Parse(await reference.Client.GetStringAsync("/api/deprecations"));
        Assert.Equal("warn", flat.RootElement.GetProperty("mode").GetString());
        Assert.Equal("enforce", flat.RootElement.GetProperty("overrides").GetProperty("/api/allocations/{id}").GetString());
    }

    [Theory]
    [InlineData("default", "Wed, 30 Jun 2027 00:00:00 GMT", "https://api.example.com/docs/stage-normalization")]
    [InlineData("alternative", "Fri, 31 Mar 2028 12:00:00 GMT", AltDocs)]
    public async Task SunsetAndDocs_ProfileValues_OverriddenByConfiguration(string profile, string sunset, string docs)
    {
        await using (var host = await StartAsync(ServiceProfile.Named(profile)!, Warn))
        {
            using var response = await StageEndpoint.Named("companies").SendAsync(host, "growth");
            Assert.Equal((sunset, docs), (OutcomeTableTests.Header(response, "Sunset"), OutcomeTableTests.Header(response, "X-Stage-Docs")));
        }

        await using var configured = await StartAsync(ServiceProfile.Named(profile)!, Warn,
            o => o with { Sunset = "Mon, 01 Jan 2029 00:00:00 GMT", DocsUrl = "https://docs.team.example/stages" });
        using var overridden = await StageEndpoint.Named("companies").SendAsync(configured, "growth");
        Assert.Equal("Mon, 01 Jan 2029 00:00:00 GMT", OutcomeTableTests.Header(overridden, "Sunset"));
        Assert.Equal("https://docs.team.example/stages", OutcomeTableTests.Header(overridden, "X-Stage-Docs"));
        Assert.StartsWith("<https://docs.team.example/stages>;", OutcomeTableTests.Header(overridden, "Link"), StringComparison.Ordinal);
        var report = await SelfReport.ReadAsync(configured);
        Assert.Equal(("Mon, 01 Jan 2029 00:00:00 GMT", "https://docs.team.example/stages"), (report.Sunset, report.DocsUrl));
    }

    [Theory]
    [InlineData("default", "zeta+1,\"\",Alpha%20beta,%C3%A9,qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq")]
    [InlineData("alternative", ",Alpha%20beta,qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq,zeta%2b1,%c3%a9")]
    public async Task Variants_ProfileEncodingOrderEmptyValueAndCut(string profile, string expected)
    {
        await using var host = await StartAsync(ServiceProfile.Named(profile)!, Warn);
        string[] sent = ["zeta+1", "", "Alpha beta", "é", new string('q', 50)];
        using var response = await host.Client.GetAsync("/api/funds/1/companies?" + string.Join("&", sent.Select(s => "stage=" + Uri.EscapeDataString(s))));
        Assert.Equal(expected, OutcomeTableTests.Header(response, "X-Stage-Deprecated-Variants"));
    }

    [Fact]
    public async Task Variants_Alternative_OnlyTheEmptyValue_IsAnEmptyHeader()
    {
        await using var host = await StartAsync(ServiceProfile.Alternative, Warn);
        using var response = await host.Client.GetAsync("/api/funds/1/companies?stage=");
        Assert.Equal("", OutcomeTableTests.Header(response, "X-Stage-Deprecated-Variants"));
        Assert.Equal("true", OutcomeTableTests.Header(response, "Deprecation"));
    }

    [Theory]
    [InlineData("default", "<https://api.example.com/docs/stage-normalization>; rel=\"deprecation\"", "Fix these stages before enforcement begins. See X-Stage-Docs for migration guide.")]
    [InlineData("alternative", "<" + AltDocs + ">; rel=deprecation", "Unknown stage values will be rejected once enforcement starts; correct them using the migration guide.")]
    public async Task LinkAndRecommendation_ProfileSpelling(string profile, string link, string recommendation)
    {
        await using var host = await StartAsync(ServiceProfile.Named(profile)!, new ModeSettings { GlobalMode = ValidationMode.Warn, DryRun = true });
        using var response = await StageEndpoint.Named("monte-carlo").SendAsync(host, "growth");
        Assert.Equal(link, OutcomeTableTests.Header(response, "Link"));
        Assert.Equal(recommendation, OutcomeTableTests.Header(response, "X-Stage-Recommendation"));
    }

    [Theory]
    [InlineData("default", new[] { "X-Request-Id", "X-Stage-Mode", "Deprecation", "Sunset", "X-Stage-Deprecated-Variants", "X-Stage-Docs", "X-Stage-Would-Reject", "X-Stage-Recommendation" })]
    [InlineData("alternative", new[] { "x-request-id", "x-stage-mode", "deprecation", "sunset", "x-stage-deprecated-variants", "x-stage-docs", "x-stage-would-reject", "x-stage-recommendation" })]
    public async Task HeaderNames_OnTheWire_ProfileCase(string profile, string[] names)
    {
        await using var host = await StartAsync(ServiceProfile.Named(profile)!, new ModeSettings { GlobalMode = ValidationMode.Warn, DryRun = true });
        var response = await RawHttp.SendAsync(host.Client.BaseAddress!, "GET", "/api/funds/1/companies?stage=growth");
        Assert.Equal(200, response.Status);
        Assert.All(names, n => Assert.Contains(n, response.Names));
    }

    [Theory]
    [InlineData("default", "https://api.example.com/problems/", "MALFORMED_JSON", "NOT_FOUND", "METHOD_NOT_ALLOWED", "application/problem+json")]
    [InlineData("alternative", "urn:problem:stage:", "INVALID_JSON", "RESOURCE_NOT_FOUND", "METHOD_NOT_SUPPORTED", "application/problem+json; charset=utf-8")]
    public async Task Problems_ProfileTypesCodesAndMediaType(string profile, string prefix, string malformed, string notFound, string notAllowed, string contentType)
    {
        await using var host = await StartAsync(ServiceProfile.Named(profile)!, new ModeSettings { GlobalMode = ValidationMode.Enforce });
        foreach (var (response, code) in new[]
        {
            (await host.PostJsonAsync("/api/allocations", "{\"fundId\":"), malformed),
            (await host.Client.GetAsync("/api/nothing-here"), notFound),
            (await host.Client.DeleteAsync("/api/allocations"), notAllowed),
            (await StageEndpoint.Named("strategies").SendAsync(host, "growth"), "INVALID_STAGE"),
        })
        {
            using (response)
            {
                Assert.Equal(contentType, response.Content.Headers.ContentType?.ToString());
                using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                Assert.Equal(code, document.RootElement.GetProperty("code").GetString());
                Assert.Equal(prefix + code.ToLowerInvariant().Replace('_', '-'), document.RootElement.GetProperty("type").GetString());
            }
        }
    }

    [Theory]
    [InlineData("default", 201)]
    [InlineData("alternative", 200)]
    public async Task Creates_ProfileStatus_LocationOnlyWith201(string profile, int status)
    {
        await using var host = await StartAsync(ServiceProfile.Named(profile)!, Warn);
        foreach (var name in new[] { "strategies", "allocations" })
        {
            using var response = await StageEndpoint.Named(name).SendAsync(host, "seed");
            Assert.Equal(status, (int)response.StatusCode);
            Assert.Equal(status == 201, response.Headers.Location is not null);
        }
    }

    [Theory]
    [InlineData("default", "null", "growth")]
    [InlineData("alternative", "\"growth\"", null)]
    public async Task UnknownAllocationItem_ProfileEcho(string profile, string stageJson, string? rawStage)
    {
        await using var host = await StartAsync(ServiceProfile.Named(profile)!, Warn);
        using var response = await StageEndpoint.Named("allocations").SendAsync(host, "growth");
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var item = document.RootElement.GetProperty("items")[0];
        Assert.Equal(stageJson, item.GetProperty("stage").GetRawText());
        Assert.Equal(rawStage, item.TryGetProperty("rawStage", out var raw) ? raw.GetString() : null);
        Assert.Equal(1000m, document.RootElement.GetProperty("unclassifiedAmount").GetDecimal());
        Assert.False(document.RootElement.GetProperty("byStage").TryGetProperty("growth", out _));
    }

    [Theory]
    [InlineData("default", "growth", new long[0])]
    [InlineData("alternative", "growth", new long[] { 199 })]
    [InlineData("default", "seed", new long[] { 102, 103 })]
    [InlineData("alternative", "seed", new long[] { 102, 103 })]
    [InlineData("alternative", "Growth", new long[0])]
    [InlineData("alternative", "%00", new long[0])]
    public async Task UnknownCompaniesFilter_ProfileMatch_NeverACanonicalStage(string profile, string filter, long[] expected)
    {
        var funds = new FundCatalog(FundCatalog.DemoFunds,
            [.. FundCatalog.DemoCompanies, (1, new Company(198, "Legacy Alias Co", "Seed")), (1, new Company(199, "Legacy Growth Co", "growth"))]);
        await using var host = await StartAsync(ServiceProfile.Named(profile)!, Warn, o => o with { FundDirectory = funds });
        using var response = await host.Client.GetAsync("/api/funds/1/companies?stage=" + filter);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(expected, document.RootElement.GetProperty("companies").EnumerateArray().Select(c => c.GetProperty("id").GetInt64()));
    }

    [Theory]
    [InlineData("default", "ignoredStages")]
    [InlineData("alternative", "unrecognizedStages")]
    public async Task IgnoredStages_ProfileMemberName(string profile, string member)
    {
        await using var host = await StartAsync(ServiceProfile.Named(profile)!, Warn);
        foreach (var name in new[] { "monte-carlo", "strategies" })
        {
            using var response = await StageEndpoint.Named(name).SendAsync(host, "growth");
            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal("growth", document.RootElement.GetProperty(member)[0].GetProperty("stage").GetString());
            Assert.Single(document.RootElement.EnumerateObject(), p => p.Name.EndsWith("Stages", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("default", "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    [InlineData("alternative", "^[0-9a-f]{32}$")]
    public async Task RequestId_MadeUp_ProfileFormatOfAGuid(string profile, string pattern)
    {
        await using var host = await StartAsync(ServiceProfile.Named(profile)!, Warn);
        using var response = await host.Client.GetAsync("/api/funds/1/companies");
        var id = OutcomeTableTests.Header(response, "X-Request-Id")!;
        Assert.Matches(pattern, id);
        Assert.True(Guid.TryParse(id, out _));
    }

    private static ModeSettings Warn => new() { GlobalMode = ValidationMode.Warn };

    private static Task<ServiceHost> StartAsync(ServiceProfile profile, ModeSettings modes, Func<ServiceOptions, ServiceOptions>? configure = null) =>
        ServiceHost.StartAsync((configure ?? (o => o))(new ServiceOptions { Modes = modes, Profile = profile }));
}
