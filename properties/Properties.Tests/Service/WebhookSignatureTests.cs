using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Properties.Tests.Service;

/// <summary>
/// Contract section 8's HMAC laws, computed here from the contract text (HMAC-SHA256 over
/// <c>&lt;timestamp&gt;.&lt;raw body&gt;</c>, 300 s either way, replay by signature), over HTTP
/// against a service whose clock stands still.
/// </summary>
[Collection(ReferenceServiceGroup.Name)]
public sealed class WebhookSignatureTests(ReferenceServices services)
{
    private const string Route = "/_ops/stage-validation/auto-downgrade";
    private const int WindowSeconds = 300;
    private static int _deliveries;

    [Property(MaxTest = 200)]
    public Property Webhook_SignedWithinWindow_IsAcceptedOnceThenReplay() =>
        Prop.ForAll(Arbitraries.Deliveries(WindowSeconds), async d =>
        {
            var (body, timestamp) = Fresh(d);
            var signature = Sign(timestamp, body);
            using var first = await PostAsync(body, timestamp, signature).ConfigureAwait(false);
            using var again = await PostAsync(body, timestamp, signature).ConfigureAwait(false);

            Assert.True(first.StatusCode == HttpStatusCode.OK, $"skew {d.SkewSeconds}: {(int)first.StatusCode} {await first.Content.ReadAsStringAsync().ConfigureAwait(false)}");
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        });

    [Property(MaxTest = 200)]
    public Property Webhook_AnyTamperedByteOrTimestamp_IsUnauthorized() =>
        Prop.ForAll(Arbitraries.Deliveries(WindowSeconds), Arbitraries.Tampering(), async (d, tampering) =>
        {
            var (body, timestamp) = Fresh(d);
            var signature = Sign(timestamp, body);
            var bytes = Encoding.UTF8.GetBytes(body);
            var sentTimestamp = timestamp;
            if (tampering.ChangeTimestamp)
            {
                sentTimestamp = (long.Parse(timestamp, CultureInfo.InvariantCulture) + tampering.By).ToString(CultureInfo.InvariantCulture);
            }
            else
            {
                bytes[tampering.At % bytes.Length] ^= (byte)(1 + (tampering.By & 0x7F));
            }

            using var response = await PostAsync(bytes, sentTimestamp, signature).ConfigureAwait(false);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        });

    [Property(MaxTest = 200)]
    public Property Webhook_TimestampOutsideWindow_IsUnauthorizedEvenWhenSigned() =>
        Prop.ForAll(Arbitraries.Deliveries(int.MaxValue / 2), async d =>
        {
            var (body, timestamp) = Fresh(d with { SkewSeconds = d.SkewSeconds >= 0 ? d.SkewSeconds + WindowSeconds + 1 : d.SkewSeconds - WindowSeconds - 1 });
            using var response = await PostAsync(body, timestamp, Sign(timestamp, body)).ConfigureAwait(false);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        });

    /// <summary>A unique body per call, so no two cases share a signature (which would make the second a replay).</summary>
    private (string Body, string Timestamp) Fresh(Delivery d)
    {
        var n = Interlocked.Increment(ref _deliveries);
        var body = string.Create(CultureInfo.InvariantCulture,
            $"{{\"version\":\"4\",\"status\":\"{d.Status}\",\"groupKey\":{Json.String(d.GroupKey + "#" + n)},\"alerts\":[{{\"status\":\"{d.Status}\",\"labels\":{{\"alertname\":{Json.String(d.AlertName)}}},\"startsAt\":\"2026-11-24T11:00:00Z\"}}]}}");
        var timestamp = (services.Clock.GetUtcNow().ToUnixTimeSeconds() + d.SkewSeconds).ToString(CultureInfo.InvariantCulture);
        return (body, timestamp);
    }

    private static string Sign(string timestamp, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(ReferenceServices.WebhookKeyBytes, Encoding.UTF8.GetBytes(timestamp + "." + body)));

    private Task<HttpResponseMessage> PostAsync(string body, string timestamp, string signature) =>
        PostAsync(Encoding.UTF8.GetBytes(body), timestamp, signature);

    private async Task<HttpResponseMessage> PostAsync(byte[] body, string timestamp, string signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Route) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("X-Alertmanager-Signature", signature);
        request.Headers.TryAddWithoutValidation("X-Alertmanager-Timestamp", timestamp);
        return await services.Webhook.SendAsync(request).ConfigureAwait(false);
    }

    public sealed record Delivery(string Status, string GroupKey, string AlertName, long SkewSeconds);

    public sealed record Tamper(bool ChangeTimestamp, int At, int By);

    public static class Arbitraries
    {
        /// <summary>Deliveries whose timestamp is at most <paramref name="maxSkew"/> seconds from the service's now, either way (the edges included).</summary>
        public static Arbitrary<Delivery> Deliveries(int maxSkew) =>
            (from status in Gen.Elements("firing", "resolved")
             from groupKey in Gen.Elements("{}:{alertname=\"StageValidationErrors\"}", "g", "{}/{}:{severity=\"page\"}", "\u00e9\u4e2d")
             from name in Gen.Elements("StageValidationErrors", "HighErrorRate", "x\ny", "\u202Eevil")
             from skew in Gen.Frequency((1, Gen.Elements(0, maxSkew, -maxSkew)), (4, Gen.Choose(-maxSkew, maxSkew)))
             select new Delivery(status, groupKey, name, skew)).ToArbitrary();

        /// <summary>A flipped bit pattern at some byte of the body, or a timestamp moved by 1..600 s (inside or outside the window).</summary>
        public static Arbitrary<Tamper> Tampering() =>
            (from timestamp in Gen.Elements(true, false)
             from at in Gen.Choose(0, int.MaxValue)
             from shift in Gen.Frequency((3, Gen.Choose(1, 600)), (1, Gen.Choose(-600, -1)))
             select new Tamper(timestamp, at, shift)).ToArbitrary();
    }
}
