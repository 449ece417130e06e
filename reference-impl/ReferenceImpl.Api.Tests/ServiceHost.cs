using System.Net.Http.Headers;
using System.Text;
using ReferenceImpl.Api.Hosting;
using StageContract.Modes;

namespace ReferenceImpl.Api.Tests;

/// <summary>One running reference service and a client for it.</summary>
public sealed class ServiceHost : IAsyncDisposable
{
    private readonly RunningReferenceService _service;

    private ServiceHost(RunningReferenceService service)
    {
        _service = service;
        Client = new HttpClient { BaseAddress = service.BaseAddress };
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => _service.Services;

    public static async Task<ServiceHost> StartAsync(ServiceOptions options) =>
        new(await ReferenceService.StartAsync(options, CancellationToken.None));

    public static Task<ServiceHost> StartAsync(ModeSettings modes) => StartAsync(new ServiceOptions { Modes = modes });

    public Task<HttpResponseMessage> PostJsonAsync(string path, string json, string? requestId = null) =>
        SendAsync(HttpMethod.Post, path, json, requestId);

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json, string? requestId = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        }

        if (requestId is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Request-Id", requestId);
        }

        return await Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _service.DisposeAsync();
    }
}
