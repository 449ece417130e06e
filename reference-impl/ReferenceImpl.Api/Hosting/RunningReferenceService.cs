namespace ReferenceImpl.Api.Hosting;

/// <summary>A reference service started in this process; dispose to stop it.</summary>
public sealed class RunningReferenceService : IAsyncDisposable
{
    private readonly WebApplication _app;

    internal RunningReferenceService(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>For example <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The service's container, for tests that need to reach inside (fake clocks, stores).</summary>
    public IServiceProvider Services => _app.Services;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
