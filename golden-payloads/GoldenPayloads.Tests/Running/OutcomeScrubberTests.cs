using System.Text.Json.Nodes;
using GoldenPayloads.Running;

namespace GoldenPayloads.Tests.Running;

public sealed class OutcomeScrubberTests
{
    private const string RequestId = "golden-req-1";

    [Fact]
    public void Scrub_ProblemBody_ReplacesVolatileValuesAndKeepsTheRest()
    {
        var body = JsonNode.Parse("""
            {"type":"t","status":400,"code":"INVALID_STAGE","correlationId":"golden-req-1","detail":"request golden-req-1 failed",
             "fundId":1,"companyId":104,"invalid":["growth"]}
            """);

        var scrubbed = GoldenJson.Write(OutcomeScrubber.Scrub(body, RequestId));

        Assert.Equal("""{"type":"t","status":400,"code":"INVALID_STAGE","correlationId":"<request-id>","detail":"request <request-id> failed","fundId":1,"companyId":104,"invalid":["growth"]}""", scrubbed);
    }

    [Fact]
    public void Scrub_CorrelationIdOtherThanTheRequestId_IsMarkedAsSuch()
    {
        var scrubbed = OutcomeScrubber.Scrub(JsonNode.Parse("""{"correlationId":"8d3c2f0e-1111-2222-3333-444455556666"}"""), RequestId);

        Assert.Equal(OutcomeScrubber.CorrelationIdMarker, scrubbed!["correlationId"]!.GetValue<string>());
    }

    [Fact]
    public void Scrub_NestedIdsGuidsAndTimes_AreReplacedAtAnyDepth()
    {
        var body = JsonNode.Parse("""
            {"id":"0f8fad5bd9cb469fa16570867728950e","items":[{"id":17,"stage":"seed","createdAt":"x"}],
             "when":"2025-11-24T11:22:33.456Z","day":"2025-11-24","http":"Mon, 24 Nov 2025 11:22:33 GMT",
             "ref":"see 0F8FAD5B-D9CB-469F-A165-70867728950E here","elapsedMs":12.5,"timestamp":1732447353}
            """);

        var scrubbed = GoldenJson.Write(OutcomeScrubber.Scrub(body, RequestId));

        Assert.Equal(
            """{"id":"<id>","items":[{"id":"<id>","stage":"seed","createdAt":"<time>"}],"when":"<time>","day":"<time>","http":"<time>","ref":"see <guid> here","elapsedMs":"<duration>","timestamp":"<time>"}""",
            scrubbed);
    }

    [Theory]
    [InlineData("format")]
    [InlineData("stat")]
    [InlineData("fundId")]
    [InlineData("stageDistribution")]
    public void Scrub_NamesThatOnlyLookTimeLike_AreKept(string name)
    {
        var scrubbed = OutcomeScrubber.Scrub(new JsonObject { [name] = "value" }, RequestId);

        Assert.Equal("value", scrubbed![name]!.GetValue<string>());
    }

    [Fact]
    public void Scrub_DoesNotChangeTheInput()
    {
        var body = JsonNode.Parse("""{"id":"a"}""")!;

        OutcomeScrubber.Scrub(body, RequestId);

        Assert.Equal("a", body["id"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("http://127.0.0.1:5123/api/allocations/0f8fad5bd9cb469fa16570867728950e", "/api/allocations/<id>")]
    [InlineData("/api/portfolio/strategies/42", "/api/portfolio/strategies/<id>")]
    public void ScrubLocation_KeepsThePathAndReplacesTheId(string location, string expected)
    {
        Assert.Equal(expected, OutcomeScrubber.ScrubLocation(location, RequestId));
    }
}
