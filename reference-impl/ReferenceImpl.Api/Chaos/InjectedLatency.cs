using Polly;
using Polly.Simmy;
using Polly.Simmy.Latency;

namespace ReferenceImpl.Api.Chaos;

/// <summary>
/// Added latency on the service's calls to its stores, for the harness's latency drill (seed 003:
/// "+200 ms latency"): every mode store call (Redis) and every database call (Postgres) first waits
/// the amount set here, through Polly's chaos latency strategy. Zero (the default) injects nothing.
/// The wait honours the call's cancellation token, so the mode store's 100 ms bound (contract
/// section 7) cuts it short exactly as it would a slow network. Never configured in production:
/// the embedded target of the harness sets it in-process; a URL reference can read it from files
/// (<c>STAGE_CHAOS_LATENCY_DIR</c>).
/// </summary>
public sealed class InjectedLatency
{
    private long _redisTicks;
    private long _databaseTicks;

    /// <summary>Builds the pipelines on <paramref name="timeProvider"/> (the service's clock).</summary>
    public InjectedLatency(TimeProvider? timeProvider = null)
    {
        var time = timeProvider ?? TimeProvider.System;
        Redis = Pipeline(time, () => RedisLatency);
        Database = Pipeline(time, () => DatabaseLatency);
    }

    /// <summary>Latency added to every mode store call.</summary>
    public TimeSpan RedisLatency
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _redisTicks));
        set => Interlocked.Exchange(ref _redisTicks, Math.Max(0, value.Ticks));
    }

    /// <summary>Latency added to every database call.</summary>
    public TimeSpan DatabaseLatency
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _databaseTicks));
        set => Interlocked.Exchange(ref _databaseTicks, Math.Max(0, value.Ticks));
    }

    /// <summary>The pipeline every mode store call runs through.</summary>
    public ResiliencePipeline Redis { get; }

    /// <summary>The pipeline every database call runs through.</summary>
    public ResiliencePipeline Database { get; }

    private static ResiliencePipeline Pipeline(TimeProvider time, Func<TimeSpan> latency) =>
        new ResiliencePipelineBuilder { TimeProvider = time }
            .AddChaosLatency(new ChaosLatencyStrategyOptions
            {
                InjectionRate = 1,
                EnabledGenerator = _ => ValueTask.FromResult(latency() > TimeSpan.Zero),
                LatencyGenerator = _ => ValueTask.FromResult(latency()),
            })
            .Build();
}
