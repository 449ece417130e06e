using StageContract.Modes;

namespace ReferenceImpl.Api.Tests;

/// <summary>Contract section 3 step 3 over HTTP: the enforced share follows the bucket of X-Request-Id.</summary>
public sealed class BucketingTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(19)]
    [InlineData(20)]
    [InlineData(25)]
    [InlineData(100)]
    public async Task RequestId_AtPercent_EnforcedExactlyWhenInBucket(int percent)
    {
        await using var host = await ServiceHost.StartAsync(new ModeSettings { GlobalMode = ValidationMode.Enforce, EnforcementPercent = percent });
        var endpoint = StageEndpoint.Named("companies");
        var ids = Enumerable.Range(0, 200).Select(i => $"req-{i:D4}").Append("abc").ToList();
        var enforced = 0;
        foreach (var id in ids)
        {
            using var response = await endpoint.SendAsync(host, "growth", id);
            var inBucket = EnforcementBucket.Of(id) < percent;
            Assert.Equal(inBucket ? "enforce" : "warn", OutcomeTableTests.Header(response, "X-Stage-Mode"));
            Assert.Equal(inBucket ? 400 : 200, (int)response.StatusCode);
            Assert.Equal(id, OutcomeTableTests.Header(response, "X-Request-Id"));
            enforced += inBucket ? 1 : 0;
        }

        if (percent is 0)
        {
            Assert.Equal(0, enforced);
        }
        else if (percent is 100)
        {
            Assert.Equal(ids.Count, enforced);
        }
    }

    [Fact]
    public void Abc_HasBucket19() => Assert.Equal(19, EnforcementBucket.Of("abc"));

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("del\u007fchar")]
    public async Task InvalidRequestId_IsReplacedNotEchoed(string supplied)
    {
        await using var host = await ServiceHost.StartAsync(new ModeSettings { GlobalMode = ValidationMode.Warn });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/funds/1/companies");
        request.Headers.TryAddWithoutValidation("X-Request-Id", supplied);
        using var response = await host.Client.SendAsync(request);
        var echoed = OutcomeTableTests.Header(response, "X-Request-Id");
        Assert.NotEqual(supplied, echoed);
        Assert.True(Guid.TryParse(echoed, out _));
    }

    [Fact]
    public async Task LongRequestId_Over128_IsReplaced()
    {
        await using var host = await ServiceHost.StartAsync(new ModeSettings { GlobalMode = ValidationMode.Warn });
        using var response = await host.SendAsync(HttpMethod.Get, "/api/funds/1/companies", null, new string('x', 129));
        Assert.True(Guid.TryParse(OutcomeTableTests.Header(response, "X-Request-Id"), out _));
        using var ok = await host.SendAsync(HttpMethod.Get, "/api/funds/1/companies", null, new string('x', 128));
        Assert.Equal(new string('x', 128), OutcomeTableTests.Header(ok, "X-Request-Id"));
    }
}
