using System.Net;
using System.Text;
using System.Text.Json;
using StageContract.Modes;

namespace ReferenceImpl.Api.Tests;

/// <summary>Contract section 5: every error is problem+json with code and correlationId.</summary>
public sealed class ProblemTests : IAsyncLifetime
{
    private ServiceHost _host = null!;

    public async Task InitializeAsync() => _host = await ServiceHost.StartAsync(new ModeSettings { GlobalMode = ValidationMode.Warn });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("{\"fundId\":", 400, "MALFORMED_JSON")]
    [InlineData("[]", 400, "VALIDATION_ERROR")]
    [InlineData("{\"fundId\":1,\"runs\":0,\"stageDistribution\":[{\"stage\":\"seed\",\"weight\":1}]}", 400, "VALIDATION_ERROR")]
    [InlineData("{\"fundId\":1,\"runs\":10,\"stageDistribution\":[]}", 400, "VALIDATION_ERROR")]
    [InlineData("{\"fundId\":1,\"runs\":10,\"stageDistribution\":[{\"stage\":\"seed\",\"weight\":\"1\"}]}", 400, "VALIDATION_ERROR")]
    [InlineData("{\"fundId\":1,\"runs\":10,\"stageDistribution\":[{\"stage\":\"seed\",\"weight\":1.5}]}", 400, "VALIDATION_ERROR")]
    [InlineData("{\"fundId\":1,\"runs\":10,\"stageDistribution\":[{\"stage\":\"seed\",\"weight\":1e400}]}", 400, "VALIDATION_ERROR")]
    [InlineData("{\"fundId\":1,\"runs\":10,\"stageDistribution\":[{\"stage\":\"seed\",\"weight\":0.5}]}", 400, "INVALID_STAGE_WEIGHTS")]
    [InlineData("{\"fundId\":1,\"runs\":10,\"stageDistribution\":[{\"stage\":\"growth\",\"weight\":1}]}", 422, "NO_KNOWN_STAGES")]
    [InlineData("{\"fundId\":999,\"runs\":10,\"stageDistribution\":[{\"stage\":\"seed\",\"weight\":1}]}", 404, "NOT_FOUND")]
    public async Task MonteCarlo_BadInput_IsProblem(string body, int status, string code)
    {
        using var response = await _host.PostJsonAsync("/api/monte-carlo/simulate", body);
        await AssertProblemAsync(response, status, code);
        Assert.Equal("warn", OutcomeTableTests.Header(response, "X-Stage-Mode"));
    }

    [Fact]
    public async Task WrongMediaType_Is415()
    {
        using var content = new StringContent("{}", Encoding.UTF8, "text/plain");
        using var response = await _host.Client.PostAsync("/api/monte-carlo/simulate", content);
        await AssertProblemAsync(response, 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    [Fact]
    public async Task BodyOver1MiB_Is413()
    {
        var body = "{\"fundId\":1,\"name\":\"" + new string('x', 1024 * 1024) + "\"}";
        using var response = await _host.PostJsonAsync("/api/portfolio/strategies", body);
        await AssertProblemAsync(response, 413, "PAYLOAD_TOO_LARGE");
    }

    [Fact]
    public async Task UnknownRoute_Is404Problem()
    {
        using var response = await _host.Client.GetAsync("/api/nothing-here");
        await AssertProblemAsync(response, 404, "NOT_FOUND");
    }

    [Fact]
    public async Task WrongMethod_Is405Problem()
    {
        using var response = await _host.Client.DeleteAsync("/api/monte-carlo/simulate");
        await AssertProblemAsync(response, 405, "METHOD_NOT_ALLOWED");
    }

    [Fact]
    public async Task Allocation_OverReserve_Is422()
    {
        using var response = await _host.PostJsonAsync("/api/allocations",
            "{\"fundId\":2,\"items\":[{\"companyId\":201,\"stage\":\"seed\",\"amount\":15000001}]}");
        await AssertProblemAsync(response, 422, "RESERVE_EXCEEDED");
    }

    [Fact]
    public async Task Allocation_KeepsReserveInvariants()
    {
        using var response = await _host.PostJsonAsync("/api/allocations",
            "{\"fundId\":1,\"items\":[{\"companyId\":101,\"stage\":\"Seed\",\"amount\":100.25},{\"companyId\":102,\"stage\":\"growth\",\"amount\":50},{\"companyId\":103,\"stage\":\"seed\",\"amount\":0}]}");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = document.RootElement;
        var amounts = root.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("amount").GetDecimal()).ToList();
        Assert.All(amounts, a => Assert.True(a >= 0));
        Assert.Equal(root.GetProperty("total").GetDecimal(), amounts.Sum());
        Assert.Equal(50m, root.GetProperty("unclassifiedAmount").GetDecimal());
        Assert.Equal("growth", root.GetProperty("items")[1].GetProperty("rawStage").GetString());
        Assert.Equal(100.25m, root.GetProperty("byStage").GetProperty("seed").GetDecimal());
    }

    [Fact]
    public async Task Strategy_PutPatchGet_RoundTrip()
    {
        using var created = await _host.PostJsonAsync("/api/portfolio/strategies", "{\"fundId\":1,\"name\":\"a\",\"stageAllocation\":{\"Seed\":0.5,\"seed\":0.25,\"series a\":0.25}}");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var document = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var id = document.RootElement.GetProperty("id").GetString();
        Assert.Equal(0.75, document.RootElement.GetProperty("stageAllocation").GetProperty("seed").GetDouble(), 9);
        using var patched = await _host.SendAsync(HttpMethod.Patch, $"/api/portfolio/strategies/{id}", "{\"name\":\"b\"}");
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        using var put = await _host.SendAsync(HttpMethod.Put, $"/api/portfolio/strategies/{id}", "{\"fundId\":2,\"name\":\"c\",\"stageAllocation\":{\"series-b\":1}}");
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        using var got = await _host.Client.GetAsync($"/api/portfolio/strategies/{id}");
        using var final = JsonDocument.Parse(await got.Content.ReadAsStringAsync());
        Assert.Equal("c", final.RootElement.GetProperty("name").GetString());
        Assert.Equal(1.0, final.RootElement.GetProperty("stageAllocation").GetProperty("series-b").GetDouble());
        using var missing = await _host.SendAsync(HttpMethod.Put, "/api/portfolio/strategies/nope", "{\"fundId\":2,\"name\":\"c\",\"stageAllocation\":{\"series-b\":1}}");
        await AssertProblemAsync(missing, 404, "NOT_FOUND");
    }

    internal static async Task AssertProblemAsync(HttpResponseMessage response, int status, string code)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = document.RootElement;
        Assert.Equal(code, root.GetProperty("code").GetString());
        Assert.Equal(status, root.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("type").GetString()));
        Assert.False(string.IsNullOrEmpty(root.GetProperty("title").GetString()));
        Assert.Equal(OutcomeTableTests.Header(response, "X-Request-Id"), root.GetProperty("correlationId").GetString());
    }
}
