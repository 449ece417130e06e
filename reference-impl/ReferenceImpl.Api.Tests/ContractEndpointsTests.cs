using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using StageContract;
using StageContract.Modes;

namespace ReferenceImpl.Api.Tests;

/// <summary>
/// The handlers declare their own routes; the contract data lists the endpoints the harness judges
/// against. This keeps the two the same: every endpoint of the data is mapped, with its method,
/// and nothing else is mapped on a stage route.
/// </summary>
public sealed class ContractEndpointsTests
{
    [Fact]
    public async Task Service_StageRoutes_MapExactlyTheContractEndpoints()
    {
        await using var host = await ServiceHost.StartAsync(new ModeSettings());
        var endpoints = ContractRules.Default.Endpoints;

        var mapped = host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } route && endpoints.IsStageRoute(route))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["(any)"]).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .Order(StringComparer.Ordinal);

        Assert.Equal(endpoints.All.Select(e => e.ToString()).Order(StringComparer.Ordinal), mapped);
    }
}
