using System.Net;
using System.Text;
using System.Text.Json;
using Harness.Engine.Gates.BoundedLabels;
using Harness.Engine.Requests;
using StageContract;
using StageContract.Data;
using StageContract.Endpoints;
using StageContract.Normalization;

namespace Harness.Engine.Tests.Requests;

/// <summary>
/// The harness learns the endpoints from the contract data alone: an endpoint added to the data is
/// built, labelled and given fixtures without a line of harness code, and fixtures follow the
/// creating endpoint's role, not its position in the list.
/// </summary>
public sealed class ContractDataDerivationTests
{
    private static readonly StageEndpoint Added = new()
    {
        Method = "POST",
        Route = "/api/example/added",
        InputType = StageInputType.Array,
        Kind = EndpointKind.Read,
        Body = JsonDocument.Parse("""{"fundId": "{fundId}", "label": "x", "stageDistribution": [{"stage": "{stage}", "weight": "{weight}"}]}""").RootElement,
    };

    private static ContractRules With(params StageEndpoint[] endpoints)
    {
        var data = ContractRules.Default.Data with { Endpoints = endpoints };
        Assert.Empty(ContractDataValidator.Validate(data));
        return new ContractRules(data);
    }

    [Fact]
    public void LabelPolicy_EndpointAddedToTheData_IsAStageRouteForTheEndpointLabel()
    {
        var rules = With([.. ContractRules.Default.Data.Endpoints, Added]);

        Assert.Contains("/api/example/added", LabelPolicy.For(rules).StageRoutes);
        Assert.DoesNotContain("/api/example/added", LabelPolicy.Default.StageRoutes);
    }

    [Fact]
    public void Builder_EndpointAddedToTheData_BuildsItsRequestFromTheTemplate()
    {
        using var message = new StageRequestBuilder(TrafficSettings.Default).Build(new StageRequest(Added, ["seed", RawStage.NotAString("42")], "r1"), ResourceIds.None)!;

        Assert.Equal("api/example/added", message.RequestUri!.OriginalString);
        Assert.Equal("""{"fundId":1,"label":"x","stageDistribution":[{"stage":"seed","weight":0.5},{"stage":42,"weight":0.5}]}""",
            new StageRequestBuilder(TrafficSettings.Default).Body(new StageRequest(Added, ["seed", RawStage.NotAString("42")], "r1")));
    }

    [Fact]
    public async Task CreateResources_EndpointsInAnotherOrder_CreateThroughTheEndpointThatCreatesEachResource()
    {
        var shipped = ContractRules.Default.Data.Endpoints;
        var rules = With([.. shipped.Reverse()]);
        var handler = new StubHandler(r => Created(r.RequestUri!.AbsolutePath));
        using var http = new HttpClient(handler) { BaseAddress = new Uri("http://target.test/") };

        var ids = await new StageTraffic(Harness.Engine.Targets.TargetClient.Over(http), TrafficSettings.Default).CreateResourcesAsync(rules, "t", [], CancellationToken.None);

        Assert.Equal("/api/allocations", ids.For("allocation"));
        Assert.Equal("/api/portfolio/strategies", ids.For("strategy"));
        Assert.Equal(["POST http://target.test/api/allocations", "POST http://target.test/api/portfolio/strategies"], handler.Requests);
    }

    private static HttpResponseMessage Created(string path) =>
        new(HttpStatusCode.Created) { Content = new StringContent(JsonSerializer.Serialize(new { id = path }), Encoding.UTF8, "application/json") };
}
