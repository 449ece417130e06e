using Harness.Engine.Audit;

namespace Harness.Engine.Tests.Audit;

/// <summary>JSON-lines access logs: the capture format by default, custom and nested field names, client keys.</summary>
public sealed class JsonLineParserTests
{
    [Fact]
    public void Parse_CaptureFormat_ReadsBodyAndRequestId()
    {
        var parsed = new JsonLineParser(new JsonFieldNames(), ClientKey.Ip).Parse(
            """{"method":"post","path":"/api/allocations","body":{"fundId":1},"requestId":"r-1","ip":"10.0.0.7"}""");
        Assert.Equal(new AccessLogEntry("POST", "/api/allocations", """{"fundId":1}""", true, "10.0.0.7", "r-1"), parsed.Entry);
    }

    [Fact]
    public void Parse_CustomAndNestedFieldNames_AreFollowed()
    {
        var fields = new JsonFieldNames().With("method=req.verb").With("path=req.uri").With("body=req.payload").With("ip=remote_addr").With("requestId=trace");
        var parsed = new JsonLineParser(fields, ClientKey.Ip).Parse(
            """{"req":{"verb":"PUT","uri":"https://x.example/api/allocations/7","payload":"{\"fundId\":1}"},"remote_addr":"192.0.2.1","trace":"t9"}""");
        Assert.Equal(new AccessLogEntry("PUT", "/api/allocations/7", """{"fundId":1}""", true, "192.0.2.1", "t9"), parsed.Entry);
    }

    [Fact]
    public void Parse_HeaderClientKey_IsLookedUpCaseInsensitively()
    {
        var parsed = new JsonLineParser(new JsonFieldNames(), new ClientKey(ClientKeyKind.Header, "X-Api-Key")).Parse(
            """{"method":"GET","path":"/healthz","headers":{"x-api-key":["k-42"]}}""");
        Assert.Equal("k-42", parsed.Entry!.Client);
    }

    [Fact]
    public void Parse_ClientField_OverridesTheKeysOwnField()
    {
        var parsed = new JsonLineParser(new JsonFieldNames().With("client=tenant.id"), ClientKey.Ip).Parse(
            """{"method":"GET","path":"/","ip":"10.0.0.1","tenant":{"id":17}}""");
        Assert.Equal("17", parsed.Entry!.Client);
    }

    [Fact]
    public void Parse_NullOrMissingBody_MeansTheLogHasNone()
    {
        var parser = new JsonLineParser(new JsonFieldNames(), ClientKey.Ip);
        Assert.False(parser.Parse("""{"method":"POST","path":"/api/allocations","body":null}""").Entry!.HasBody);
        Assert.False(parser.Parse("""{"method":"POST","path":"/api/allocations"}""").Entry!.HasBody);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("[1,2]")]
    [InlineData("""{"path":"/x"}""")]
    [InlineData("""{"method":"GET"}""")]
    [InlineData("""{"method":"GET","path":"relative"}""")]
    [InlineData("""{"method":"G E T","path":"/"}""")]
    [InlineData("""{"method":7,"path":"/"}""")]
    public void Parse_MalformedLine_IsAnErrorNeverAnException(string line) =>
        Assert.NotNull(new JsonLineParser(new JsonFieldNames(), ClientKey.Ip).Parse(line).Error);

    [Theory]
    [InlineData("path")]
    [InlineData("nope=x")]
    [InlineData("path=")]
    [InlineData("path=a..b")]
    public void With_BadAssignment_IsAFormatException(string assignment) =>
        Assert.Throws<FormatException>(() => new JsonFieldNames().With(assignment));
}
