using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ReferenceImpl.Api.Hosting;
using ReferenceImpl.Api.ModeStore;
using ReferenceImpl.Api.Webhook;
using StackExchange.Redis;
using StageContract.Modes;

namespace ReferenceImpl.Stores.Tests;

/// <summary>Contract sections 7 and 8 against a real Redis: the shared mode, a paused Redis, replays across instances.</summary>
[Collection(StoresGroup.Name)]
public sealed class RedisStoreTests(StoresFixture stores)
{
    private const string Ops = "ops-token";
    private const string Key = "0123456789abcdef0123456789abcdef-webhook-key";
    private const string MonteCarlo = """{"fundId": 1, "runs": 200, "seed": 3, "stageDistribution": [{"stage": "seed", "weight": 0.5}, {"stage": "Series A", "weight": 0.5}]}""";
    private const string Firing = """{"version":"4","status":"firing","groupKey":"{}:{alertname=\"StageValidationErrors\"}","alerts":[{"status":"firing","labels":{"alertname":"StageValidationErrors"},"startsAt":"2026-11-24T10:00:00Z"}]}""";

    [Fact]
    public async Task ModeSetThroughTheOpsApi_IsStoredInRedis_AndSeenByASecondInstanceOnceItsCacheExpires()
    {
        var redis = stores.RedisConfiguration();
        var timeB = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));
        await using var a = await StartAsync(new ServiceOptions { RedisConfiguration = redis, OpsToken = Ops, Modes = new ModeSettings { GlobalMode = ValidationMode.Warn } });
        await using var b = await StartAsync(new ServiceOptions { RedisConfiguration = redis, OpsToken = Ops, Modes = new ModeSettings { GlobalMode = ValidationMode.Warn }, TimeProvider = timeB });
        Assert.Equal("warn", await ModeAsync(b.Client)); // B has read (nothing stored: default) and caches it

        using var put = new HttpRequestMessage(HttpMethod.Put, "/_ops/stage-validation/mode") { Content = JsonContent.Create(new { mode = "enforce", reason = "test" }) };
        put.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Ops);
        using (var response = await a.Client.SendAsync(put))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await using (var direct = await ConnectionMultiplexer.ConnectAsync(redis))
        {
            Assert.Equal("enforce", (string?)await direct.GetDatabase().StringGetAsync(RedisModeStore.Key));
        }

        Assert.Equal("warn", await ModeAsync(b.Client)); // still cached
        timeB.Advance(ModeProvider.CacheDuration + TimeSpan.FromSeconds(1));
        Assert.Equal("enforce", await ModeAsync(b.Client));
    }

    [Fact]
    public async Task WhileRedisIsPaused_RequestsAreServedWithTheCachedMode_AndTheErrorsAreCounted()
    {
        var redis = stores.RedisConfiguration();
        await using (var seed = await ConnectionMultiplexer.ConnectAsync(redis))
        {
            await seed.GetDatabase().StringSetAsync(RedisModeStore.Key, "enforce");
        }

        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));
        await using var service = await StartAsync(new ServiceOptions { RedisConfiguration = redis, OpsToken = Ops, TimeProvider = time });
        Assert.Equal("enforce", await ModeAsync(service.Client));

        await stores.Redis.PauseAsync();
        try
        {
            time.Advance(ModeProvider.CacheDuration + TimeSpan.FromSeconds(1)); // the cache is stale: the next request asks the paused Redis
            for (var i = 0; i < 5; i++)
            {
                using var response = await service.Client.PostAsync("/api/monte-carlo/simulate", new StringContent(MonteCarlo, Encoding.UTF8, "application/json"));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal("enforce", response.Headers.GetValues("X-Stage-Mode").Single());
                time.Advance(ModeProvider.CacheDuration + TimeSpan.FromSeconds(1));
            }

            using var ready = await service.Client.GetAsync("/readyz");
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode); // Redis down does not make the service unready
        }
        finally
        {
            await stores.Redis.UnpauseAsync();
        }

        var metrics = await service.Client.GetStringAsync("/metrics");
        var errors = metrics.Split('\n').Single(l => l.StartsWith("stage_mode_redis_errors_total{operation=\"read\"}", StringComparison.Ordinal));
        Assert.True(double.Parse(errors.Split(' ')[1], CultureInfo.InvariantCulture) >= 1, errors);
    }

    [Fact]
    public async Task WhenRedisCannotBeReachedAtAll_TheServiceStarts_AndServesWithTheConfiguredMode()
    {
        await using var service = await StartAsync(new ServiceOptions
        {
            RedisConfiguration = "127.0.0.1:1,connectTimeout=200",
            Modes = new ModeSettings { GlobalMode = ValidationMode.Warn },
        });
        using var response = await service.Client.PostAsync("/api/monte-carlo/simulate", new StringContent(MonteCarlo, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("warn", response.Headers.GetValues("X-Stage-Mode").Single());
    }

    [Fact]
    public async Task ASignedAlert_AcceptedByOneInstance_IsAReplayForAnother()
    {
        var redis = stores.RedisConfiguration();
        var options = new ServiceOptions { RedisConfiguration = redis, WebhookHmacKey = Key, Modes = new ModeSettings { GlobalMode = ValidationMode.Enforce } };
        await using var a = await StartAsync(options);
        await using var b = await StartAsync(options);
        var timestamp = a.Services.GetRequiredService<TimeProvider>().GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

        using (var first = await SendSignedAsync(a.Client, timestamp))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using var replay = await SendSignedAsync(b.Client, timestamp);
        Assert.Equal(HttpStatusCode.Conflict, replay.StatusCode);
    }

    [Fact]
    public async Task WhenTheReplayCheckCannotBeMade_TheWebhookAnswers503_AndTheModeIsUnchanged()
    {
        var redis = stores.RedisConfiguration();
        await using var service = await StartAsync(new ServiceOptions { RedisConfiguration = redis, WebhookHmacKey = Key, Modes = new ModeSettings { GlobalMode = ValidationMode.Enforce } });
        var timestamp = service.Services.GetRequiredService<TimeProvider>().GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        await stores.Redis.PauseAsync();
        try
        {
            using var response = await SendSignedAsync(service.Client, timestamp);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("REPLAY_STORE_UNAVAILABLE", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(ValidationMode.Enforce, await service.Services.GetRequiredService<ModeProvider>().CurrentAsync(CancellationToken.None));
        }
        finally
        {
            await stores.Redis.UnpauseAsync();
        }

        // The refused write reached Redis once it recovered, but was withdrawn: the sender's retry is not a replay.
        using var retry = await SendSignedAsync(service.Client, timestamp);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(ValidationMode.Warn, await service.Services.GetRequiredService<ModeProvider>().CurrentAsync(CancellationToken.None));
    }

    private static async Task<string> ModeAsync(HttpClient client)
    {
        using var document = JsonDocument.Parse(await client.GetStringAsync("/api/deprecations"));
        return document.RootElement.GetProperty("mode").GetString()!;
    }

    private static async Task<HttpResponseMessage> SendSignedAsync(HttpClient client, string timestamp)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, WebhookEndpoints.Route) { Content = new StringContent(Firing, Encoding.UTF8, "application/json") };
        request.Headers.Add(WebhookAuthenticator.SignatureHeader,
            "sha256=" + Convert.ToHexStringLower(WebhookAuthenticator.Sign(Encoding.UTF8.GetBytes(Key), timestamp, Encoding.UTF8.GetBytes(Firing))));
        request.Headers.Add(WebhookAuthenticator.TimestampHeader, timestamp);
        return await client.SendAsync(request);
    }

    internal static async Task<Service> StartAsync(ServiceOptions options) => new(await ReferenceService.StartAsync(options, CancellationToken.None));
}
