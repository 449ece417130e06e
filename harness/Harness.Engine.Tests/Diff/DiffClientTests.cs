using Flurl.Http.Testing;
using Harness.Engine.Diff;
using StageContract.Data;

namespace Harness.Engine.Tests.Diff;

public sealed class DiffClientTests
{
    [Fact]
    public async Task Send_Request_GoesToTheTargetWithItsPathQueryBodyAndRequestId()
    {
        using var test = new HttpTest();
        test.RespondWith("""{"a":1}""", 200, new { X_Stage_Mode = "warn" });
        using var client = new DiffClient(new Uri("http://primary.test/base"), new HeaderNames(), TimeSpan.FromSeconds(5));
        var request = new DiffRequest(DiffSource.Golden, "companies/alias", "GET", "/api/funds/1/companies?stage=series%20a", null, "rid-1", "GET /api/funds/{fundId}/companies", false, false);
        var answer = await client.SendAsync(request, CancellationToken.None);
        test.ShouldHaveCalled("http://primary.test/base/api/funds/1/companies*").WithHeader("X-Request-Id", "rid-1").Times(1);
        Assert.Equal(200, answer.Status);
    }

    [Fact]
    public async Task Send_FixtureMissingOnThisTarget_IsNoAnswerWithoutARequest()
    {
        using var test = new HttpTest();
        using var client = new DiffClient(new Uri("http://primary.test/"), new HeaderNames(), TimeSpan.FromSeconds(5));
        var request = new DiffRequest(DiffSource.Generated, "g", "PUT", "/api/allocations/" + DiffRequest.IdPlaceholder("allocation"), "{}", "rid", "PUT /api/allocations/{id}", false, true);
        var answer = await client.SendAsync(request, CancellationToken.None);
        Assert.NotNull(answer.Failure);
        test.ShouldNotHaveMadeACall();
    }
}
