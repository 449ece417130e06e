using Harness.Engine.Audit;

namespace Harness.Engine.Tests.Audit;

/// <summary>The combined log format: fields, the escapes nginx and Apache write, malformed lines as values.</summary>
public sealed class CombinedLogParserTests
{
    private static readonly CombinedLogParser ByIp = new(ClientKey.Ip);
    private static readonly CombinedLogParser ByAgent = new(new ClientKey(ClientKeyKind.UserAgent));

    [Fact]
    public void Parse_CombinedLine_ReadsMethodTargetClientAndNoBody()
    {
        var parsed = ByIp.Parse("""203.0.113.9 - alice [30/Nov/2026:10:00:01 +0000] "GET /api/funds/1/companies?stage=growth HTTP/1.1" 200 512 "https://ref.example/" "curl/8.5.0" """);
        Assert.Null(parsed.Error);
        Assert.Equal(new AccessLogEntry("GET", "/api/funds/1/companies?stage=growth", null, false, "203.0.113.9", null), parsed.Entry);
    }

    [Fact]
    public void Parse_QuotedFieldsWithApacheAndNginxEscapes_AreUnescaped()
    {
        var parsed = ByAgent.Parse("""10.0.0.1 - - [30/Nov/2026:10:00:01 +0000] "GET /x?q=\"a\\b\" HTTP/1.1" 200 1 "-" "agent \"quoted\" \x22nginx\x22 \xC3\xA9" """);
        Assert.Null(parsed.Error);
        Assert.Equal("/x?q=\"a\\b\"", parsed.Entry!.Target);
        Assert.Equal("agent \"quoted\" \"nginx\" é", parsed.Entry.Client);
    }

    [Fact]
    public void Parse_CommonLogFormatAndAbsoluteTarget_AreRead()
    {
        var parsed = ByIp.Parse("""10.0.0.1 - - [30/Nov/2026:10:00:01 +0000] "POST http://api.example:8080/api/allocations HTTP/1.0" 201 -""");
        Assert.Equal(("POST", "/api/allocations", false), (parsed.Entry!.Method, parsed.Entry.Target, parsed.Entry.HasBody));
    }

    [Fact]
    public void Parse_MissingUserAgent_HasNoClientByAgent()
    {
        var parsed = ByAgent.Parse("""10.0.0.1 - - [30/Nov/2026:10:00:01 +0000] "GET / HTTP/1.1" 200 1 "-" "-" """);
        Assert.Null(parsed.Entry!.Client);
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("""10.0.0.1 - - 30/Nov/2026 "GET / HTTP/1.1" 200 1""")]
    [InlineData("""10.0.0.1 - - [30/Nov/2026:10:00:01 +0000] "GET / HTTP/1.1 200 1""")]
    [InlineData("""10.0.0.1 - - [30/Nov/2026:10:00:01 +0000] "-" 400 0 "-" "-" """)]
    [InlineData("""10.0.0.1 - - [30/Nov/2026:10:00:01 +0000] "GET / HTTP/1.1" OK 1""")]
    [InlineData("""10.0.0.1 - - [30/Nov/2026:10:00:01 +0000] "get nowhere" 200 1""")]
    [InlineData("""10.0.0.1 - - [30/Nov/2026:10:00:01 +0000] "GET / HTTP/1.1" 200 1 "-" "unterminated""")]
    [InlineData("\\x \\\" \" \"\\")]
    public void Parse_MalformedLine_IsAnErrorNeverAnException(string line)
    {
        var parsed = ByIp.Parse(line);
        Assert.Null(parsed.Entry);
        Assert.False(string.IsNullOrEmpty(parsed.Error));
    }

    [Fact]
    public void Create_HeaderClientKey_IsRefused() =>
        Assert.Throws<ArgumentException>(() => new CombinedLogParser(new ClientKey(ClientKeyKind.Header, "X-Api-Key")));
}
