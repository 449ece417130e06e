using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ReferenceImpl.Api.Hosting;
using ReferenceImpl.Api.ModeStore;
using ReferenceImpl.Api.Webhook;
using StageContract.Modes;

namespace ReferenceImpl.Api.Tests;

/// <summary>Contract section 8: signatures, the 300 s window, replays, bearer tokens, idempotence and audit.</summary>
public sealed class WebhookTests : IAsyncLifetime
{
    private const string Key = "0123456789abcdef0123456789abcdef-webhook-key";
    private const string Token = "alertmanager-bearer-token";
    private const string Firing = """{"version":"4","status":"firing","groupKey":"{}:{alertname=\"StageValidationErrors\"}","alerts":[{"status":"firing","labels":{"alertname":"StageValidationErrors"},"startsAt":"2026-11-24T10:00:00Z"}]}""";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));
    private ServiceHost _host = null!;

    public async Task InitializeAsync() => _host = await ServiceHost.StartAsync(new ServiceOptions
    {
        Modes = new ModeSettings { GlobalMode = ValidationMode.Enforce },
        WebhookHmacKey = Key,
        WebhookBearerToken = Token,
        OpsToken = "ops",
        TimeProvider = _time,
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task SignedFiringAlert_DowngradesEnforceToWarn_AndIsAudited()
    {
        using var response = await SendSignedAsync(Firing, Now());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"changed\":true", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(ValidationMode.Warn, await CurrentModeAsync());
        var audit = _host.Services.GetRequiredService<ModeAuditLog>().Entries();
        var entry = Assert.Single(audit);
        Assert.Equal((ValidationMode.Enforce, ValidationMode.Warn), (entry.Old, entry.New));
        Assert.StartsWith("alertmanager", entry.Actor, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SameSignature_Twice_IsReplay409()
    {
        var timestamp = Now();
        using var first = await SendSignedAsync(Firing, timestamp);
        using var second = await SendSignedAsync(Firing, timestamp);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await ProblemTests.AssertProblemAsync(second, 409, "REPLAY");
    }

    [Fact]
    public async Task AlreadyWarn_SecondAlert_IsIdempotentNoOp()
    {
        using var first = await SendSignedAsync(Firing, Now());
        _time.Advance(TimeSpan.FromSeconds(1));
        using var second = await SendSignedAsync(Firing, Now());
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("\"changed\":false", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(_host.Services.GetRequiredService<ModeAuditLog>().Entries());
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    public async Task Timestamp_OutsideWindow_Is401(int offsetSeconds)
    {
        using var response = await SendSignedAsync(Firing, Now() + offsetSeconds);
        await ProblemTests.AssertProblemAsync(response, 401, "UNAUTHORIZED");
        Assert.Equal(ValidationMode.Enforce, await CurrentModeAsync());
    }

    [Theory]
    [InlineData(-300)]
    [InlineData(300)]
    public async Task Timestamp_AtWindowEdge_IsAccepted(int offsetSeconds)
    {
        using var response = await SendSignedAsync(Firing, Now() + offsetSeconds);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task TamperedBody_Is401()
    {
        var timestamp = Now().ToString(CultureInfo.InvariantCulture);
        var signature = Signature(Firing, timestamp);
        using var response = await SendAsync(Firing.Replace("firing", "FIRING", StringComparison.Ordinal), request =>
        {
            request.Headers.Add(WebhookAuthenticator.SignatureHeader, signature);
            request.Headers.Add(WebhookAuthenticator.TimestampHeader, timestamp);
        });
        await ProblemTests.AssertProblemAsync(response, 401, "UNAUTHORIZED");
    }

    [Fact]
    public async Task NoCredentials_Is401()
    {
        using var response = await SendAsync(Firing, _ => { });
        await ProblemTests.AssertProblemAsync(response, 401, "UNAUTHORIZED");
    }

    [Fact]
    public async Task Bearer_FiringAlert_Downgrades_ThenSameGroupIsReplay()
    {
        using var first = await SendAsync(Firing, r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token));
        using var second = await SendAsync(Firing, r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(ValidationMode.Warn, await CurrentModeAsync());
        await ProblemTests.AssertProblemAsync(second, 409, "REPLAY");
    }

    [Fact]
    public async Task Bearer_WrongToken_Is401()
    {
        using var response = await SendAsync(Firing, r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "nope"));
        await ProblemTests.AssertProblemAsync(response, 401, "UNAUTHORIZED");
    }

    [Fact]
    public async Task AuthenticatedMalformedBody_Is400()
    {
        using var response = await SendSignedAsync("{\"hello\":1}", Now());
        await ProblemTests.AssertProblemAsync(response, 400, "MALFORMED_JSON");
    }

    [Fact]
    public async Task ResolvedAlert_ChangesNothing()
    {
        var resolved = Firing.Replace("firing", "resolved", StringComparison.Ordinal);
        using var response = await SendSignedAsync(resolved, Now());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ValidationMode.Enforce, await CurrentModeAsync());
    }

    private long Now() => _time.GetUtcNow().ToUnixTimeSeconds();

    private async Task<ValidationMode> CurrentModeAsync() =>
        await _host.Services.GetRequiredService<ModeProvider>().CurrentAsync(CancellationToken.None);

    private Task<HttpResponseMessage> SendSignedAsync(string body, long timestamp)
    {
        var ts = timestamp.ToString(CultureInfo.InvariantCulture);
        return SendAsync(body, request =>
        {
            request.Headers.Add(WebhookAuthenticator.SignatureHeader, Signature(body, ts));
            request.Headers.Add(WebhookAuthenticator.TimestampHeader, ts);
        });
    }

    private static string Signature(string body, string timestamp) =>
        "sha256=" + Convert.ToHexStringLower(WebhookAuthenticator.Sign(Encoding.UTF8.GetBytes(Key), timestamp, Encoding.UTF8.GetBytes(body)));

    private async Task<HttpResponseMessage> SendAsync(string body, Action<HttpRequestMessage> configure)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, WebhookEndpoints.Route)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        configure(request);
        return await _host.Client.SendAsync(request);
    }
}
