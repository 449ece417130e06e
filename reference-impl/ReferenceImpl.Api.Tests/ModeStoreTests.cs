using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Time.Testing;
using ReferenceImpl.Api.Hosting;
using ReferenceImpl.Api.Metrics;
using ReferenceImpl.Api.ModeStore;
using StageContract.Modes;

namespace ReferenceImpl.Api.Tests;

/// <summary>Contract section 7: cache, bounded store calls, fallback, ops API and audit.</summary>
public sealed class ModeStoreTests
{
    [Fact]
    public async Task OpsApi_PutMode_ChangesEffectiveModeOfRequests()
    {
        await using var host = await ServiceHost.StartAsync(new ServiceOptions { Modes = new() { GlobalMode = ValidationMode.Warn }, OpsToken = "secret" });
        host.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "secret");
        using var put = await host.SendAsync(HttpMethod.Put, OpsEndpoints.ModeRoute, "{\"mode\":\"enforce\",\"reason\":\"rung 100\",\"actor\":\"alice\"}");
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        using var response = await StageEndpoint.Named("companies").SendAsync(host, "growth");
        Assert.Equal("enforce", OutcomeTableTests.Header(response, "X-Stage-Mode"));
        using var audit = await host.Client.GetAsync(OpsEndpoints.AuditRoute);
        var text = await audit.Content.ReadAsStringAsync();
        Assert.Contains("\"actor\":\"alice\"", text, StringComparison.Ordinal);
        Assert.Contains("\"reason\":\"rung 100\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpsApi_WithoutConfiguredToken_IsDisabled403()
    {
        await using var host = await ServiceHost.StartAsync(new ServiceOptions());
        using var response = await host.SendAsync(HttpMethod.Put, OpsEndpoints.ModeRoute, "{\"mode\":\"enforce\",\"reason\":\"x\"}");
        await ProblemTests.AssertProblemAsync(response, 403, "OPS_API_DISABLED");
    }

    [Fact]
    public async Task OpsApi_WrongToken_Is401_AndBadMode_Is400()
    {
        await using var host = await ServiceHost.StartAsync(new ServiceOptions { OpsToken = "secret" });
        using var unauthorized = await host.SendAsync(HttpMethod.Get, OpsEndpoints.ModeRoute, null);
        await ProblemTests.AssertProblemAsync(unauthorized, 401, "UNAUTHORIZED");
        host.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "secret");
        using var bad = await host.SendAsync(HttpMethod.Put, OpsEndpoints.ModeRoute, "{\"mode\":\"ENFORCE\",\"reason\":\"x\"}");
        await ProblemTests.AssertProblemAsync(bad, 400, "VALIDATION_ERROR");
    }

    [Fact]
    public async Task StoreDown_RequestsServedWithDefault_AndErrorCounted()
    {
        var store = new ControllableStore { Fail = true };
        await using var host = await ServiceHost.StartAsync(new ServiceOptions { Modes = new() { GlobalMode = ValidationMode.Warn }, ModeStore = store });
        using var response = await StageEndpoint.Named("monte-carlo").SendAsync(host, "growth");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("warn", OutcomeTableTests.Header(response, "X-Stage-Mode"));
        var metrics = await host.Client.GetStringAsync("/metrics");
        Assert.Contains("stage_mode_redis_errors_total{operation=\"read\"} 1", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoreHangs_CallIsBoundedAndStaleValueServed()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero));
        var store = new ControllableStore();
        await store.WriteAsync(ValidationMode.Enforce, CancellationToken.None);
        var audit = new ModeAuditLog(Microsoft.Extensions.Logging.Abstractions.NullLogger<ModeAuditLog>.Instance);
        using var provider = new ModeProvider(store, ValidationMode.Off, time, new StageMetrics(), audit);
        Assert.Equal(ValidationMode.Enforce, await provider.CurrentAsync(CancellationToken.None));

        store.Hang = true;
        await store.WriteAsync(ValidationMode.Warn, CancellationToken.None);
        time.Advance(ModeProvider.CacheDuration);
        var pending = provider.CurrentAsync(CancellationToken.None).AsTask();
        Assert.False(pending.IsCompleted);
        time.Advance(ModeProvider.StoreTimeout);
        Assert.Equal(ValidationMode.Enforce, await pending.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Cache_ServesValueForFiveSeconds_ThenRereads()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero));
        var store = new ControllableStore();
        var audit = new ModeAuditLog(Microsoft.Extensions.Logging.Abstractions.NullLogger<ModeAuditLog>.Instance);
        using var provider = new ModeProvider(store, ValidationMode.Warn, time, new StageMetrics(), audit);
        Assert.Equal(ValidationMode.Warn, await provider.CurrentAsync(CancellationToken.None));
        await store.WriteAsync(ValidationMode.Enforce, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.Equal(ValidationMode.Warn, await provider.CurrentAsync(CancellationToken.None));
        time.Advance(TimeSpan.FromSeconds(0.2));
        Assert.Equal(ValidationMode.Enforce, await provider.CurrentAsync(CancellationToken.None));
    }

    [Fact]
    public async Task SetWhileStoreDown_AppliesLocally_AuditsNotPersisted()
    {
        var time = new FakeTimeProvider();
        var store = new ControllableStore { Fail = true };
        var audit = new ModeAuditLog(Microsoft.Extensions.Logging.Abstractions.NullLogger<ModeAuditLog>.Instance);
        using var provider = new ModeProvider(store, ValidationMode.Enforce, time, new StageMetrics(), audit);
        var entry = await provider.SetAsync(ValidationMode.Warn, "test", "drill", CancellationToken.None);
        Assert.False(entry.Persisted);
        Assert.Equal(ValidationMode.Warn, await provider.CurrentAsync(CancellationToken.None));
    }

    private sealed class ControllableStore : IModeStore
    {
        private ValidationMode? _mode;

        public bool Fail { get; set; }

        public bool Hang { get; set; }

        public async Task<ValidationMode?> ReadAsync(CancellationToken cancellationToken)
        {
            if (Fail)
            {
                throw new InvalidOperationException("store down");
            }

            if (Hang)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            return _mode;
        }

        public Task WriteAsync(ValidationMode mode, CancellationToken cancellationToken)
        {
            if (Fail)
            {
                throw new InvalidOperationException("store down");
            }

            _mode = mode;
            return Task.CompletedTask;
        }
    }
}
