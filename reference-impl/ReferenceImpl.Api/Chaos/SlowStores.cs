using ReferenceImpl.Api.DocumentStore;
using ReferenceImpl.Api.Funds;
using ReferenceImpl.Api.ModeStore;
using ReferenceImpl.Api.Webhook;

namespace ReferenceImpl.Api.Chaos;

/// <summary>
/// Each store, or (with an <see cref="InjectedLatency"/>) the store behind its slow decorator.
/// Without latency the store itself is returned: nothing stands between the service and its stores.
/// Apply before the fault wrappers, so the latency sits next to the real store as a slow network would.
/// </summary>
public static class SlowStores
{
    /// <summary>The mode store, slowed by <see cref="InjectedLatency.RedisLatency"/>.</summary>
    public static IModeStore ModeStore(InjectedLatency? latency, IModeStore store) =>
        latency is null ? store : new SlowModeStore(store, latency);

    /// <summary>The replay store, slowed by <see cref="InjectedLatency.RedisLatency"/>.</summary>
    public static IReplayStore ReplayStore(InjectedLatency? latency, IReplayStore store) =>
        latency is null ? store : new SlowReplayStore(store, latency);

    /// <summary>The document store, slowed by <see cref="InjectedLatency.DatabaseLatency"/>.</summary>
    public static IDocumentStore<T> DocumentStore<T>(InjectedLatency? latency, IDocumentStore<T> store)
        where T : class =>
        latency is null ? store : new SlowDocumentStore<T>(store, latency);

    /// <summary>The fund directory, slowed by <see cref="InjectedLatency.DatabaseLatency"/>.</summary>
    public static IFundDirectory FundDirectory(InjectedLatency? latency, IFundDirectory store) =>
        latency is null ? store : new SlowFundDirectory(store, latency);
}
