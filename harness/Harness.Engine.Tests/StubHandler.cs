using System.Net;
using System.Text;

namespace Harness.Engine.Tests;

/// <summary>An HTTP handler that answers from a function: targets without a server.</summary>
internal sealed class StubHandler(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
{
    public List<string> Requests { get; } = [];

    public static HttpClient Client(Func<HttpRequestMessage, HttpResponseMessage> answer) =>
        new(new StubHandler(answer)) { BaseAddress = new Uri("http://target.test/") };

    public static HttpClient Deprecations(string json) =>
        Client(r => r.RequestUri!.AbsolutePath == "/api/deprecations" ? Json(json) : new HttpResponseMessage(HttpStatusCode.NotFound));

    public static HttpClient Unreachable() =>
        Client(_ => throw new HttpRequestException("Connection refused (target.test:80)"));

    public static HttpResponseMessage Json(string json) =>
        new(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public const string WarnTarget = """
        {"mode":"warn","configuredMode":"warn","dryRun":false,"enforcementPercent":100,"enforceWriteOnly":false,"overrides":{},
         "sunset":"Wed, 30 Jun 2027 00:00:00 GMT","docsUrl":"https://api.example.com/docs/stage-normalization"}
        """;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add($"{request.Method} {request.RequestUri}");
        return Task.FromResult(answer(request));
    }
}
