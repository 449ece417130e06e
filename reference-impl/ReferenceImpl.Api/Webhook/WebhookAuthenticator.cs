using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ReferenceImpl.Api.Faults;
using ReferenceImpl.Api.Hosting;
using ReferenceImpl.Api.ModeStore;

namespace ReferenceImpl.Api.Webhook;

/// <summary>
/// Contract section 8's two ways in. HMAC: <c>X-Alertmanager-Signature: sha256=&lt;hex&gt;</c> over
/// <c>&lt;timestamp&gt;.&lt;raw body&gt;</c>, timestamp within 300 s either way, constant-time compare.
/// Bearer: the configured token.
/// </summary>
public sealed class WebhookAuthenticator
{
    public const string SignatureHeader = "X-Alertmanager-Signature";
    public const string TimestampHeader = "X-Alertmanager-Timestamp";

    /// <summary>How far a signed timestamp may be from now, either way.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(300);

    private readonly byte[]? _key;
    private readonly string? _bearer;
    private readonly TimeProvider _time;
    private readonly FaultSet _faults;

    public WebhookAuthenticator(ServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _key = options.WebhookHmacKey is { } key ? Encoding.UTF8.GetBytes(key) : null;
        _bearer = options.WebhookBearerToken;
        _time = options.TimeProvider;
        _faults = options.Faults;
    }

    /// <summary>Checks the request; on success returns how it authenticated and, for HMAC, the signature (the replay key).</summary>
    public WebhookAuthentication Authenticate(HttpContext context, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(context);
        var headers = context.Request.Headers;
        if (headers.TryGetValue(SignatureHeader, out var signatureValues))
        {
            if (_key is null)
            {
                return WebhookAuthentication.Fail("HMAC signatures are not configured on this service");
            }

            var signature = signatureValues.ToString();
            if (!signature.StartsWith("sha256=", StringComparison.Ordinal) || signature.Length != 7 + 64)
            {
                return WebhookAuthentication.Fail("the signature must be sha256=<64 hex digits>");
            }

            byte[] given;
            try
            {
                given = Convert.FromHexString(signature.AsSpan(7));
            }
            catch (FormatException)
            {
                return WebhookAuthentication.Fail("the signature must be sha256=<64 hex digits>");
            }

            var timestampText = headers[TimestampHeader].ToString();
            if (!long.TryParse(timestampText, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp) || timestampText.Length > 12)
            {
                return WebhookAuthentication.Fail($"{TimestampHeader} must be Unix seconds");
            }

            var skew = WebhookFaults.Skew(_faults, _time.GetUtcNow().ToUnixTimeSeconds(), timestamp);
            if (skew > Window.TotalSeconds)
            {
                return WebhookAuthentication.Fail("the signed timestamp is outside the 300 s window");
            }

            var expected = Sign(_key, timestampText, body);
            return CryptographicOperations.FixedTimeEquals(expected, given)
                ? WebhookAuthentication.Hmac(Convert.ToHexStringLower(given))
                : WebhookAuthentication.Fail("the signature does not match");
        }

        return BearerToken.Matches(context, _bearer)
            ? WebhookAuthentication.Bearer()
            : WebhookAuthentication.Fail("a valid signature or bearer token is required");
    }

    /// <summary>HMAC-SHA256 of <c>&lt;timestamp&gt;.&lt;body&gt;</c>.</summary>
    public static byte[] Sign(byte[] key, string timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(timestamp);
        var prefix = Encoding.ASCII.GetBytes(timestamp + ".");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return HMACSHA256.HashData(key, message);
    }
}
