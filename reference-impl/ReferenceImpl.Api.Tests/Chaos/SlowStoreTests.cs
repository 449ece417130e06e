using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Prometheus;
using ReferenceImpl.Api.Chaos;
using ReferenceImpl.Api.DocumentStore;
using ReferenceImpl.Api.Metrics;
using ReferenceImpl.Api.ModeStore;
using StageContract.Modes;

namespace ReferenceImpl.Api.Tests.Chaos;

/// <summary>The slow decorators on fake time: they wait the injected latency, then delegate; the mode store's 100 ms bound still cuts a slow Redis short.</summary>
public sealed class SlowStoreTests
{
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task ModeRead_RedisSlowerThanTheBound_ServesTheFallbackAtTheBound_AndCountsAnError()
    {
        var time = NewTime();
        var (provider, metrics) = await ProviderAsync(time, ModeProvider.StoreTimeout);
        using var _ = provider;

        var pending = provider.CurrentAsync(CancellationToken.None).AsTask();
        Assert.False(pending.IsCompleted);
        time.Advance(ModeProvider.StoreTimeout); // 100 ms of the 200: only the bound can end the read now

        Assert.Equal(ValidationMode.Warn, await pending.WaitAsync(Patience));
        Assert.Contains("stage_mode_redis_errors_total{operation=\"read\"} 1", await MetricsTextAsync(metrics), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModeRead_WithoutTheBound_WaitsTheLatency_AndServesTheStoredMode()
    {
        var time = NewTime();
        var (provider, metrics) = await ProviderAsync(time, Timeout.InfiniteTimeSpan);
        using var _ = provider;

        var pending = provider.CurrentAsync(CancellationToken.None).AsTask();
        time.Advance(ModeProvider.StoreTimeout);
        Assert.False(pending.IsCompleted);
        time.Advance(Latency - ModeProvider.StoreTimeout);

        Assert.Equal(ValidationMode.Enforce, await pending.WaitAsync(Patience));
        Assert.DoesNotContain("stage_mode_redis_errors_total{operation=\"read\"} 1", await MetricsTextAsync(metrics), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DocumentStore_WithLatency_WaitsThenDelegates()
    {
        var time = NewTime();
        var latency = new InjectedLatency(time) { DatabaseLatency = Latency };
        var inner = new InMemoryDocumentStore<string>();
        await inner.AddAsync("a", "stored", CancellationToken.None);
        var store = new SlowDocumentStore<string>(inner, latency);

        var pending = store.GetAsync("a", CancellationToken.None);
        time.Advance(Latency - TimeSpan.FromMilliseconds(1));
        Assert.False(pending.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal("stored", await pending.WaitAsync(Patience));
    }

    [Fact]
    public async Task DocumentStore_WithoutLatency_DelegatesWithoutWaiting()
    {
        var time = NewTime();
        var store = new SlowDocumentStore<string>(new InMemoryDocumentStore<string>(), new InjectedLatency(time));

        var add = store.AddAsync("a", "stored", CancellationToken.None);
        Assert.True(add.IsCompletedSuccessfully);
        var get = store.GetAsync("a", CancellationToken.None);
        Assert.True(get.IsCompletedSuccessfully); // the fake clock never moved
        Assert.Equal("stored", await get);
        Assert.True(await store.ReplaceAsync("a", "replaced", CancellationToken.None));
        Assert.Equal("replaced", await store.GetAsync("a", CancellationToken.None));
    }

    [Fact]
    public async Task DocumentStore_CancelledDuringTheLatency_NeverReachesTheStore()
    {
        var time = NewTime();
        var inner = new InMemoryDocumentStore<string>();
        var store = new SlowDocumentStore<string>(inner, new InjectedLatency(time) { DatabaseLatency = Latency });
        using var cancellation = new CancellationTokenSource();

        var pending = store.AddAsync("a", "stored", cancellation.Token);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending.WaitAsync(Patience));
        Assert.Null(await inner.GetAsync("a", CancellationToken.None));
    }

    private static FakeTimeProvider NewTime() => new(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));

    /// <summary>A provider with default warn over a slow in-memory store that holds enforce.</summary>
    private static async Task<(ModeProvider Provider, StageMetrics Metrics)> ProviderAsync(FakeTimeProvider time, TimeSpan storeTimeout)
    {
        var inner = new InMemoryModeStore();
        await inner.WriteAsync(ValidationMode.Enforce, CancellationToken.None);
        var latency = new InjectedLatency(time) { RedisLatency = Latency };
        var metrics = new StageMetrics();
        var provider = new ModeProvider(new SlowModeStore(inner, latency), ValidationMode.Warn, time, metrics, new ModeAuditLog(NullLogger<ModeAuditLog>.Instance), storeTimeout);
        return (provider, metrics);
    }

    private static async Task<string> MetricsTextAsync(StageMetrics metrics)
    {
        using var stream = new MemoryStream();
        await metrics.Registry.CollectAndExportAsTextAsync(stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
