using System.Text;
using Microsoft.Extensions.Time.Testing;
using ReferenceImpl.Api.Hosting;
using StageContract.Modes;

namespace Properties.Tests.Service;

/// <summary>
/// Reference services started once for the whole collection: one per effective mode (the laws
/// compare a response with the mode it was served in) and one with the webhook configured and a
/// fake clock. Properties only add documents and remember webhook signatures; they never change
/// a service's mode, so sharing them keeps every case independent.
/// </summary>
public sealed class ReferenceServices : IAsyncLifetime
{
    public const string WebhookKey = "properties-webhook-hmac-key-0123456789abcdef";

    private readonly Dictionary<EffectiveMode, RunningReferenceService> _byMode = [];
    private readonly Dictionary<EffectiveMode, HttpClient> _clients = [];
    private RunningReferenceService? _webhook;

    /// <summary>The webhook service's clock: fixed, so signed timestamps are exactly as far from now as generated.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));

    public HttpClient Webhook { get; private set; } = null!;

    public static byte[] WebhookKeyBytes => Encoding.UTF8.GetBytes(WebhookKey);

    public HttpClient For(EffectiveMode mode) => _clients[mode];

    public async Task InitializeAsync()
    {
        foreach (var mode in Enum.GetValues<EffectiveMode>())
        {
            var settings = mode switch
            {
                EffectiveMode.Off => new ModeSettings { GlobalMode = ValidationMode.Off },
                EffectiveMode.Warn => new ModeSettings { GlobalMode = ValidationMode.Warn },
                EffectiveMode.Shadow => new ModeSettings { GlobalMode = ValidationMode.Warn, DryRun = true },
                _ => new ModeSettings { GlobalMode = ValidationMode.Enforce, EnforcementPercent = 100 },
            };
            var service = await ReferenceService.StartAsync(new ServiceOptions { Modes = settings }, CancellationToken.None).ConfigureAwait(false);
            _byMode[mode] = service;
            _clients[mode] = new HttpClient { BaseAddress = service.BaseAddress };
        }

        _webhook = await ReferenceService.StartAsync(
            new ServiceOptions
            {
                Modes = new ModeSettings { GlobalMode = ValidationMode.Warn },
                WebhookHmacKey = WebhookKey,
                TimeProvider = Clock,
            },
            CancellationToken.None).ConfigureAwait(false);
        Webhook = new HttpClient { BaseAddress = _webhook.BaseAddress };
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        Webhook?.Dispose();
        foreach (var service in _byMode.Values)
        {
            await service.DisposeAsync().ConfigureAwait(false);
        }

        if (_webhook is not null)
        {
            await _webhook.DisposeAsync().ConfigureAwait(false);
        }
    }
}
