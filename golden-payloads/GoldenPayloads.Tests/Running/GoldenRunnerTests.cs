using System.Net;
using System.Text;
using Flurl.Http;
using GoldenPayloads.Corpus;
using GoldenPayloads.Running;
using StageContract;

namespace GoldenPayloads.Tests.Running;

public sealed class GoldenRunnerTests
{
    [Fact]
    public async Task Run_SendsTheCaseWithTheRequestIdAndTheBodyVerbatim()
    {
        using var handler = new RecordingHandler(_ => new HttpResponseMessage(HttpStatusCode.BadRequest));
        using var client = new HttpClient(handler);
        var golden = CorpusCase.All["monte-carlo/malformed-json"];

        await new GoldenRunner(new FlurlClient(client), ContractRules.Default.Data).RunAsync(golden, new Uri("http://target.test/prefix/"), "rid-1", CancellationToken.None);

        Assert.Equal(HttpMethod.Post, handler.Method);
        Assert.Equal("http://target.test/prefix/api/monte-carlo/simulate", handler.Uri!.AbsoluteUri);
        Assert.Equal("rid-1", handler.RequestId);
        Assert.Equal(golden.Request.RawBody, handler.Body);
        Assert.Equal("application/json", handler.ContentType);
    }

    [Fact]
    public async Task Run_Get_SendsThePercentEncodedQueryAsWritten()
    {
        using var handler = new RecordingHandler(_ => new HttpResponseMessage(HttpStatusCode.OK));
        using var client = new HttpClient(handler);
        var golden = CorpusCase.All["companies/case-whitespace-dash"];

        await new GoldenRunner(new FlurlClient(client), ContractRules.Default.Data).RunAsync(golden, new Uri("http://target.test"), "rid", CancellationToken.None);

        Assert.Equal(HttpMethod.Get, handler.Method);
        Assert.Equal("/api/funds/1/companies?stage=%20%20SERIES%E2%80%91B%20", handler.Uri!.PathAndQuery);
        Assert.Null(handler.Body);
    }

    [Fact]
    public async Task Run_Response_CapturesStageHeadersAndScrubsLocationAndBody()
    {
        using var handler = new RecordingHandler(request =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.Created)
            {
                Content = new StringContent("""{"id":"0f8fad5bd9cb469fa16570867728950e","fundId":1}""", Encoding.UTF8, "application/json"),
            };
            response.Headers.Location = new Uri("http://target.test/api/allocations/0f8fad5bd9cb469fa16570867728950e");
            response.Headers.TryAddWithoutValidation("x-stage-mode", "warn");
            response.Headers.TryAddWithoutValidation("Deprecation", "true");
            response.Headers.TryAddWithoutValidation("X-Stage-Extra", "1");
            response.Headers.TryAddWithoutValidation("Server", "kestrel");
            response.Headers.TryAddWithoutValidation("X-Request-Id", request.Headers.GetValues("X-Request-Id"));
            return response;
        });
        using var client = new HttpClient(handler);

        var outcome = await new GoldenRunner(new FlurlClient(client), ContractRules.Default.Data)
            .RunAsync(CorpusCase.All["allocations/canonical"], new Uri("http://target.test/"), "rid-2", CancellationToken.None);

        Assert.Equal(201, outcome.Status);
        Assert.Equal("application/json", outcome.ContentType);
        Assert.Equal(["Deprecation", "Location", "X-Stage-Extra", "X-Stage-Mode"], outcome.Headers.Keys);
        Assert.Equal("/api/allocations/<id>", outcome.Headers["Location"]);
        Assert.Equal("warn", outcome.Header("X-STAGE-MODE"));
        Assert.Equal("""{"id":"<id>","fundId":1}""", GoldenJson.Write(outcome.Body));
        Assert.True(outcome.RequestIdEchoed);
    }

    [Fact]
    public async Task Run_NonJsonOrBrokenJsonBody_IsKeptAsText()
    {
        using var handler = new RecordingHandler(_ => new HttpResponseMessage(HttpStatusCode.InternalServerError)
        {
            Content = new StringContent("{oops", Encoding.UTF8, "application/json"),
        });
        using var client = new HttpClient(handler);

        var outcome = await new GoldenRunner(new FlurlClient(client), ContractRules.Default.Data)
            .RunAsync(CorpusCase.All["companies/canonical"], new Uri("http://target.test/"), "rid", CancellationToken.None);

        Assert.Equal("<invalid JSON> {oops", outcome.Body!.GetValue<string>());
        Assert.False(outcome.RequestIdEchoed);
    }

    private sealed class RecordingHandler(Func<HttpRequestMessage, HttpResponseMessage> respond) : HttpMessageHandler
    {
        public HttpMethod? Method { get; private set; }

        public Uri? Uri { get; private set; }

        public string? RequestId { get; private set; }

        public string? Body { get; private set; }

        public string? ContentType { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Method = request.Method;
            Uri = request.RequestUri;
            RequestId = request.Headers.GetValues("X-Request-Id").Single();
            Body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            ContentType = request.Content?.Headers.ContentType?.MediaType;
            return respond(request);
        }
    }
}
