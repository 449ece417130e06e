using Flurl.Http;
using Harness.Engine.Metrics;

namespace Harness.Engine.Gates.Drills;

/// <summary>What the Redis drill watches besides its load: <c>stage_mode_redis_errors_total</c> (summed over its series, no label assumed) and <c>/readyz</c>.</summary>
internal static class RedisErrorPolling
{
    /// <summary>Scrapes the Redis error counter every 500 ms and <c>/readyz</c> every second (with <paramref name="ready"/>) until stopped; the last problem with the counter, or null.</summary>
    public static async Task<string?> PollAsync(IFlurlClient client, ReadyPoller ready, DrillClock clock, List<TimedValue> redisErrors, List<TimedValue> readiness, CancellationToken stop)
    {
        string? problem = "stage_mode_redis_errors_total was never scraped";
        for (var tick = 0; !stop.IsCancellationRequested; tick++)
        {
            var at = clock.Seconds;
            try
            {
                var (scrape, _) = await MetricsScrape.ReadAsync(client, stop).ConfigureAwait(false);
                var samples = (scrape?.Samples ?? []).Where(s => s.Family == "stage_mode_redis_errors_total" || s.Name == "stage_mode_redis_errors_total").ToList();
                if (samples.Count > 0)
                {
                    lock (redisErrors)
                    {
                        redisErrors.Add(new TimedValue(at, samples.Sum(s => s.Value)));
                    }

                    problem = null;
                }
                else if (redisErrors.Count == 0)
                {
                    problem = "/metrics has no stage_mode_redis_errors_total (contract section 9)";
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }

            if (tick % 2 == 0)
            {
                readiness.Add(new TimedValue(at, await ReadyAsync(ready, stop).ConfigureAwait(false)));
            }

            try
            {
                await clock.DelayAsync(TimeSpan.FromMilliseconds(500), stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return problem;
    }

    /// <summary>The status of one poll; 0 for no answer, a poll cut short by the stop included.</summary>
    private static async Task<int> ReadyAsync(ReadyPoller ready, CancellationToken stop)
    {
        try
        {
            return (await ready.PollAsync(stop).ConfigureAwait(false)).Status ?? 0;
        }
        catch (OperationCanceledException)
        {
            return 0;
        }
    }
}
