using ReferenceImpl.Api.Hosting;

namespace ReferenceImpl.Stores.Tests;

/// <summary>A running service and a client with a timeout, so that a request that hangs fails the test.</summary>
internal sealed class Service(RunningReferenceService service) : IAsyncDisposable
{
    public HttpClient Client { get; } = new() { BaseAddress = service.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };

    public IServiceProvider Services => service.Services;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await service.DisposeAsync();
    }
}
