using System.Diagnostics;
using Flurl.Http;
using Harness.Engine.Metrics;
using Harness.Engine.Targets;

namespace Harness.Engine.Gates.Drills;

/// <summary>What the Redis drill watches besides its load: <c>stage_mode_redis_errors_total</c> (summed over its series, no label assumed) and <c>/readyz</c>.</summary>
public static class RedisErrorPolling
{
    /// <summary>Scrapes the Redis error counter every 500 ms and <c>/readyz</c> every second until stopped; the last problem with the counter, or null.</summary>
    public static async Task<string?> PollAsync(IFlurlClient client, Stopwatch clock, List<TimedValue> redisErrors, List<TimedValue> readiness, CancellationToken stop)
    {
        string? problem = "stage_mode_redis_errors_total was never scraped";
        for (var tick = 0; !stop.IsCancellationRequested; tick++)
        {
            var at = clock.Elapsed.TotalSeconds;
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
                readiness.Add(new TimedValue(at, await ReadyAsync(client, stop).ConfigureAwait(false)));
            }

            try
            {
                await Task.Delay(500, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return problem;
    }

    private static async Task<int> ReadyAsync(IFlurlClient client, CancellationToken stop)
    {
        try
        {
            using var response = await client.Path("readyz").WithTimeout(TimeSpan.FromSeconds(2)).GetAsync(cancellationToken: stop).ConfigureAwait(false);
            return response.StatusCode;
        }
        catch (Exception e) when (e is FlurlHttpException or OperationCanceledException)
        {
            return 0;
        }
    }
}
