namespace ReferenceImpl.Api.Webhook;

/// <summary>The result of <see cref="WebhookAuthenticator.Authenticate"/>.</summary>
public sealed record WebhookAuthentication(bool Succeeded, string Method, string? Signature, string? Failure)
{
    public static WebhookAuthentication Fail(string why) => new(false, "none", null, why);

    public static WebhookAuthentication Hmac(string signature) => new(true, "hmac", signature, null);

    public static WebhookAuthentication Bearer() => new(true, "bearer", null, null);
}
