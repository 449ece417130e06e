using System.Net.Http.Headers;
using ReferenceImpl.Api.Hosting;
using ReferenceImpl.Api.ModeStore;
using ReferenceImpl.Api.Profiles;
using StageContract.Modes;

namespace ReferenceImpl.Api.Tests.Profiles;

/// <summary>The label values and buckets the contract leaves open, per profile.</summary>
public sealed class ProfileMetricsTests
{
    [Theory]
    [InlineData("default", "/api/funds/{fundId}/companies", "/api/portfolio/strategies/{id}", "unmatched")]
    [InlineData("alternative", "/api/funds/:fundId/companies", "/api/portfolio/strategies/:id", "no_route")]
    public async Task EndpointLabel_ProfileRouteSpelling(string profile, string companies, string strategy, string unmatched)
    {
        await using var host = await ServiceHost.StartAsync(new ServiceOptions { Modes = new() { GlobalMode = ValidationMode.Warn }, Profile = ServiceProfile.Named(profile)! });
        (await StageEndpoint.Named("companies").SendAsync(host, "growth")).Dispose();
        (await host.Client.GetAsync("/api/portfolio/strategies/nope")).Dispose();
        (await host.Client.GetAsync("/no/such/route")).Dispose();
        var text = await host.Client.GetStringAsync("/metrics");
        Assert.Contains($"stage_warn_unknown_total{{endpoint=\"{companies}\"}} 1", text, StringComparison.Ordinal);
        Assert.Contains($"stage_validation_validations_total{{endpoint=\"{companies}\",mode=\"warn\",input_type=\"query\",result=\"warn\"}} 1", text, StringComparison.Ordinal);
        Assert.Contains($"http_requests_total{{endpoint=\"{strategy}\",method=\"GET\",status_class=\"4xx\"}} 1", text, StringComparison.Ordinal);
        Assert.Contains($"http_requests_total{{endpoint=\"{unmatched}\",method=\"GET\",status_class=\"4xx\"}} 1", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("default", "read", "write")]
    [InlineData("alternative", "get", "set")]
    public async Task ModeStoreErrors_ProfileOperationNames(string profile, string read, string write)
    {
        await using var host = await ServiceHost.StartAsync(new ServiceOptions
        {
            Modes = new() { GlobalMode = ValidationMode.Warn },
            Profile = ServiceProfile.Named(profile)!,
            ModeStore = new DownModeStore(),
            OpsToken = "ops",
        });
        (await StageEndpoint.Named("companies").SendAsync(host, "seed")).Dispose();
        host.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "ops");
        (await host.SendAsync(HttpMethod.Put, OpsEndpoints.ModeRoute, "{\"mode\":\"enforce\",\"reason\":\"drill\"}")).Dispose();
        var text = await host.Client.GetStringAsync("/metrics");
        Assert.Contains($"stage_mode_redis_errors_total{{operation=\"{read}\"}} 1", text, StringComparison.Ordinal);
        Assert.Contains($"stage_mode_redis_errors_total{{operation=\"{write}\"}} 1", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("default", "2e-05", "0.00512")]
    [InlineData("alternative", "2.5e-05", "0.005")]
    public async Task DurationBuckets_ProfileBounds_DownTo10Microseconds(string profile, string second, string nearFiveMs)
    {
        await using var host = await ServiceHost.StartAsync(new ServiceOptions { Modes = new() { GlobalMode = ValidationMode.Warn }, Profile = ServiceProfile.Named(profile)! });
        (await StageEndpoint.Named("companies").SendAsync(host, "seed")).Dispose();
        var text = await host.Client.GetStringAsync("/metrics");
        Assert.Contains("le=\"1e-05\"", text, StringComparison.Ordinal);
        Assert.Contains($"le=\"{second}\"", text, StringComparison.Ordinal);
        Assert.Contains($"le=\"{nearFiveMs}\"", text, StringComparison.Ordinal);
    }
}
