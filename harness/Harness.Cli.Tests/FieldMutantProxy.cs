using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace Harness.Cli.Tests;

/// <summary>
/// A mutant candidate for the diff tests: a loopback proxy in front of a clean reference instance that
/// changes one field of one endpoint's body (adds 1 to <c>$.runs</c> of every 2xx answer of
/// <c>POST /api/monte-carlo/simulate</c>) and passes everything else through byte for byte.
/// </summary>
internal sealed class FieldMutantProxy : IAsyncDisposable
{
    public const string MutatedRoute = "/api/monte-carlo/simulate";
    public const string MutatedField = "$.runs";

    private static readonly string[] HopByHop = ["Transfer-Encoding", "Connection", "Content-Length"];
    private readonly WebApplication _app;
    private readonly HttpClient _upstream;

    private FieldMutantProxy(WebApplication app, HttpClient upstream)
    {
        _app = app;
        _upstream = upstream;
    }

    public Uri BaseAddress => new(_app.Urls.First() + "/");

    public static async Task<FieldMutantProxy> StartAsync(Uri upstream)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var client = new HttpClient { BaseAddress = upstream };
        app.Run(context => ForwardAsync(context, client));
        await app.StartAsync();
        return new FieldMutantProxy(app, client);
    }

    private static async Task ForwardAsync(HttpContext context, HttpClient upstream)
    {
        var target = context.Features.Get<IHttpRequestFeature>()!.RawTarget.TrimStart('/');
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), new Uri(target, UriKind.Relative));
        foreach (var (name, values) in context.Request.Headers.Where(h => h.Key.StartsWith("X-", StringComparison.OrdinalIgnoreCase) || h.Key == "Accept"))
        {
            request.Headers.TryAddWithoutValidation(name, values.ToArray());
        }

        if (context.Request.ContentLength > 0 || context.Request.Headers.ContainsKey("Transfer-Encoding"))
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            request.Content = new ByteArrayContent(buffer.ToArray());
            if (context.Request.ContentType is { } type)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", type);
            }
        }

        using var response = await upstream.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        if (context.Request.Path == MutatedRoute && response.IsSuccessStatusCode && JsonNode.Parse(body) is JsonObject json && json["runs"] is JsonValue runs)
        {
            json["runs"] = runs.GetValue<int>() + 1;
            body = Encoding.UTF8.GetBytes(json.ToJsonString());
        }

        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers).Where(h => !HopByHop.Contains(h.Key, StringComparer.OrdinalIgnoreCase)))
        {
            context.Response.Headers[name] = values.ToArray();
        }

        await context.Response.Body.WriteAsync(body);
    }

    public async ValueTask DisposeAsync()
    {
        _upstream.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
