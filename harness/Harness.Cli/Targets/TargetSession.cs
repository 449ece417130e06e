using Harness.Engine.Plans;
using Harness.Engine.Targets;
using ReferenceImpl.Api.Hosting;

namespace Harness.Cli.Targets;

/// <summary>A target for one run: the embedded reference service (started and stopped here) or a URL used as it is.</summary>
public sealed class TargetSession : IAsyncDisposable
{
    /// <summary>Per-request timeout of the harness's client.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    private readonly RunningReferenceService? _service;

    private TargetSession(string kind, Uri baseAddress, RunningReferenceService? service, TargetCredentials credentials)
    {
        Kind = kind;
        _service = service;
        Credentials = credentials;
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = RequestTimeout };
    }

    /// <summary><c>embedded</c> or <c>url</c>.</summary>
    public string Kind { get; }

    /// <summary>Client whose base address is the target.</summary>
    public HttpClient Http { get; }

    /// <summary>Secrets the drills use: made up for the embedded service, read from the environment for a URL.</summary>
    public TargetCredentials Credentials { get; }

    /// <summary>Starts the reference service in-process on a free loopback port with exactly the phase's configuration.</summary>
    public static async Task<TargetSession> StartEmbeddedAsync(PhaseConfiguration configuration, CancellationToken cancellationToken)
    {
        var credentials = new TargetCredentials(Secret(), Secret(), Secret());
        var options = ServiceOptions.Default with
        {
            Modes = configuration.ToModeSettings(),
            WebhookHmacKey = credentials.WebhookHmacKey,
            WebhookBearerToken = credentials.WebhookBearerToken,
            OpsToken = credentials.OpsToken,
        };
        var service = await ReferenceService.StartAsync(options, cancellationToken).ConfigureAwait(false);
        return new TargetSession("embedded", service.BaseAddress, service, credentials);
    }

    /// <summary>A running service at <paramref name="baseAddress"/>; nothing is started.</summary>
    public static TargetSession ForUrl(Uri baseAddress)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        var withSlash = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");
        return new TargetSession("url", withSlash, null, TargetCredentials.FromEnvironment(Environment.GetEnvironmentVariables()));
    }

    private static string Secret() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    /// <summary>Parses <c>--target</c>: an absolute http(s) URL; null otherwise.</summary>
    public static Uri? ParseUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri : null;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (_service is not null)
        {
            await _service.DisposeAsync().ConfigureAwait(false);
        }
    }
}
