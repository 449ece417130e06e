using System.Net;
using System.Text.Json;

namespace ReferenceImpl.Api.Tests;

/// <summary>Contract section 4 over real HTTP, for every endpoint in every configuration.</summary>
public sealed class OutcomeTableTests : IClassFixture<ModeServices>
{
    private static readonly string[] DeprecationSet = ["Deprecation", "Sunset", "X-Stage-Deprecated-Variants", "X-Stage-Docs", "Link"];
    private readonly ModeServices _services;

    public OutcomeTableTests(ModeServices services) => _services = services;

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var configuration in ModeServices.Configurations.Keys)
        {
            foreach (var endpoint in StageEndpoint.All)
            {
                foreach (var kind in new[] { "canonical", "alias", "unknown" })
                {
                    data.Add(configuration, endpoint.Name, kind);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Request_InConfiguration_FollowsOutcomeTable(string configuration, string endpointName, string kind)
    {
        var endpoint = StageEndpoint.Named(endpointName);
        var stage = kind switch { "canonical" => "series-a", "alias" => " Series_A ", _ => "growth" };
        using var response = await endpoint.SendAsync(_services[configuration], stage);

        var effective = Effective(configuration, endpoint);
        Assert.Equal(effective, Header(response, "X-Stage-Mode"));
        var body = await response.Content.ReadAsStringAsync();
        if (kind != "unknown" || effective is "off")
        {
            Assert.Equal(endpoint.SuccessStatus, (int)response.StatusCode);
            Assert.All(DeprecationSet, h => Assert.False(response.Headers.Contains(h), $"unexpected {h}"));
            Assert.False(response.Headers.Contains("X-Stage-Would-Reject"));
            return;
        }

        if (effective == "enforce")
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(body);
            var root = problem.RootElement;
            Assert.Equal(endpoint.IsArray ? "INVALID_STAGE_DISTRIBUTION" : "INVALID_STAGE", root.GetProperty("code").GetString());
            Assert.Equal(["growth"], root.GetProperty("invalid").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal(6, root.GetProperty("validStages").GetArrayLength());
            Assert.Equal(JsonValueKind.Null, root.GetProperty("suggestions")[0].GetProperty("didYouMean").ValueKind);
            Assert.Equal(Header(response, "X-Request-Id"), root.GetProperty("correlationId").GetString());
            Assert.All(DeprecationSet, h => Assert.False(response.Headers.Contains(h)));
            return;
        }

        Assert.Equal(endpoint.SuccessStatus, (int)response.StatusCode);
        Assert.Equal("true", Header(response, "Deprecation"));
        Assert.Equal("Wed, 30 Jun 2027 00:00:00 GMT", Header(response, "Sunset"));
        Assert.Equal("growth", Header(response, "X-Stage-Deprecated-Variants"));
        Assert.Equal("<https://api.example.com/docs/stage-normalization>; rel=\"deprecation\"", Header(response, "Link"));
        Assert.Equal(effective == "shadow", response.Headers.Contains("X-Stage-Would-Reject"));
        Assert.Equal(effective == "shadow", response.Headers.Contains("X-Stage-Recommendation"));
    }

    [Theory]
    [InlineData("monte-carlo")]
    [InlineData("strategies")]
    [InlineData("allocations")]
    [InlineData("companies")]
    public async Task ValidPayload_InEveryMode_SameStatusAndBody(string endpointName)
    {
        var endpoint = StageEndpoint.Named(endpointName);
        var bodies = new HashSet<string>();
        foreach (var configuration in ModeServices.Configurations.Keys)
        {
            using var response = await endpoint.SendAsync(_services[configuration], "Series A");
            Assert.Equal(endpoint.SuccessStatus, (int)response.StatusCode);
            bodies.Add(Scrub(await response.Content.ReadAsStringAsync()));
        }

        Assert.Single(bodies);
    }

    [Fact]
    public async Task Suggestion_ForNearMiss_NamesTheStage()
    {
        using var response = await StageEndpoint.Named("strategies").SendAsync(_services["enforce"], "series-aa");
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var suggestion = problem.RootElement.GetProperty("suggestions")[0];
        Assert.Equal("series-aa", suggestion.GetProperty("input").GetString());
        Assert.Equal("series-a", suggestion.GetProperty("didYouMean").GetString());
    }

    private static string Effective(string configuration, StageEndpoint endpoint) => configuration switch
    {
        "write-only" => endpoint.IsWrite ? "enforce" : "warn",
        _ => configuration,
    };

    internal static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    private static string Scrub(string body) =>
        System.Text.RegularExpressions.Regex.Replace(body, "\"id\":\"[0-9a-f]{32}\"", "\"id\":\"*\"");
}
