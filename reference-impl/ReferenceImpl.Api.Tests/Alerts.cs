using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using ReferenceImpl.Api.Hosting;
using ReferenceImpl.Api.Webhook;

namespace ReferenceImpl.Api.Tests;

/// <summary>Alertmanager deliveries to the auto-downgrade webhook, signed or with a bearer token.</summary>
internal static class Alerts
{
    public const string HmacKey = "0123456789abcdef0123456789abcdef-alerts-key";
    public const string BearerToken = "alerts-bearer-token";
    public const string Firing = """{"status":"firing","groupKey":"{}:{alertname=\"StageValidationErrors\"}","alerts":[{"status":"firing","labels":{"alertname":"StageValidationErrors"},"startsAt":"2026-11-24T10:00:00Z"}]}""";

    /// <summary>A fixed start for fake clocks.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    /// <summary>The options with both webhook credentials and the clock.</summary>
    public static ServiceOptions Configure(ServiceOptions options, TimeProvider time) =>
        options with { WebhookHmacKey = HmacKey, WebhookBearerToken = BearerToken, TimeProvider = time };

    /// <summary>Signs <see cref="Firing"/> with the timestamp.</summary>
    public static Action<HttpRequestMessage> Signed(long timestamp)
    {
        var ts = timestamp.ToString(CultureInfo.InvariantCulture);
        var signature = "sha256=" + Convert.ToHexStringLower(WebhookAuthenticator.Sign(Encoding.UTF8.GetBytes(HmacKey), ts, Encoding.UTF8.GetBytes(Firing)));
        return request =>
        {
            request.Headers.Add(WebhookAuthenticator.SignatureHeader, signature);
            request.Headers.Add(WebhookAuthenticator.TimestampHeader, ts);
        };
    }

    /// <summary>Authenticates with the bearer token.</summary>
    public static void Bearer(HttpRequestMessage request) => request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", BearerToken);

    /// <summary>Posts <see cref="Firing"/>.</summary>
    public static async Task<HttpResponseMessage> SendAsync(ServiceHost host, Action<HttpRequestMessage> authenticate)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, WebhookEndpoints.Route) { Content = new StringContent(Firing, Encoding.UTF8, "application/json") };
        authenticate(request);
        return await host.Client.SendAsync(request);
    }
}
