using System.Globalization;
using Harness.Engine.Plans;

namespace Harness.Engine.Gates.Drills;

/// <summary>
/// The latency drill's verdict from what it saw (pure). Fail on any failed stage request, on the mode
/// store's 100 ms bound not holding (more episodes of requests held at least the added latency while
/// Redis was slowed than in the equally long control period, by <see cref="LatencyDrillOptions.ExtraSlowEpisodes"/>),
/// or on the p99 of the slowed periods past the threshold; Inconclusive when a period had too few
/// requests, the harness's own load fell behind, the control period itself was noisy, or the added
/// Postgres latency showed in no request (the control acted on nothing); else Pass.
/// <para>
/// Why episodes: a service that waits on Redis holds one request (or the requests that share its
/// call) per 5 s mode cache period; a pause of the machine holds every request in flight at once.
/// Overlapping slow requests are therefore one episode, and the control period measures how many
/// episodes the machine makes on its own.
/// </para>
/// </summary>
public static class LatencyDrillJudgement
{
    /// <summary>What the gate measures.</summary>
    public const string Measured = "p99 of stage requests while Redis, then Postgres, answered slower by the added latency, with the mode store's 100 ms bound holding and no failed stage request";

    /// <summary>The verdict.</summary>
    public static GateResult Judge(LatencyDrillObservations seen, LatencyDrillOptions options, Threshold threshold)
    {
        ArgumentNullException.ThrowIfNull(seen);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(threshold);
        var timeout = options.RequestTimeoutMilliseconds;
        var added = options.LatencyMilliseconds;
        var failed = seen.Ledger.Select(r => (Request: r, Why: r.Failure(timeout))).Where(f => f.Why is not null).ToList();
        var control = seen.ControlPeriod.ToList();
        var redis = seen.RedisPeriod.ToList();
        var postgres = seen.PostgresPeriod.ToList();
        var controlEpisodes = Episodes(control, added);
        var redisEpisodes = Episodes(redis, added);
        var slowedPostgres = postgres.Count(r => r.AnsweredAt is not null && r.LatencyMilliseconds >= added);
        var slowed = redis.Concat(postgres).ToList();
        var p99 = Percentile(slowed, 0.99);
        var late = seen.Ledger.Count(r => r.LagMilliseconds > RedisOutageJudgement.LateMilliseconds);
        var behind = seen.Ledger.Count > 0 && late > seen.Ledger.Count * RedisOutageJudgement.LateShare;

        var problems = new List<string>();
        if (failed.Count > 0)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{failed.Count} failed stage request(s) of {seen.Ledger.Count}: ")
                + string.Join("; ", failed.GroupBy(f => $"{f.Request.Endpoint} {f.Why}").OrderByDescending(g => g.Count()).Take(3).Select(g => $"{g.Count()} x {g.Key}")));
        }

        if (redisEpisodes.Count - controlEpisodes.Count >= options.ExtraSlowEpisodes)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"the 100 ms bound on mode store calls does not hold: while Redis answered {added} ms slower, {redisEpisodes.Sum(e => e.Count)} request(s) in {redisEpisodes.Count} separate episode(s) took {added} ms or more, against {controlEpisodes.Count} episode(s) in the equally long control period"));
        }

        if (p99 is { } p && !threshold.IsMetBy(p / 1000))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"p99 of the slowed periods {p:0} ms, budget {threshold.Text}"));
        }

        var inconclusive = new List<string>();
        foreach (var (name, period) in new[] { ("control", control), ("Redis slowed", redis), ("Postgres slowed", postgres) })
        {
            if (period.Count < options.MinRequestsPerPeriod)
            {
                inconclusive.Add($"only {period.Count} stage request(s) in the {name} period, fewer than {options.MinRequestsPerPeriod}");
            }
        }

        if (behind)
        {
            inconclusive.Add(string.Create(CultureInfo.InvariantCulture, $"the harness's own load fell behind: {late} of {seen.Ledger.Count} requests sent more than {RedisOutageJudgement.LateMilliseconds:0} ms late"));
        }

        if (controlEpisodes.Count > options.ExtraSlowEpisodes)
        {
            inconclusive.Add($"the control period, with nothing slowed, already had {controlEpisodes.Count} episodes of requests over {added} ms: this machine is too noisy to tell whether the bound holds");
        }

        if (postgres.Count > 0 && slowedPostgres == 0)
        {
            inconclusive.Add($"no request took {added} ms or more while Postgres was slowed: the added latency did not show ({seen.Control}), so the drill did not happen");
        }

        var status = problems.Count > 0 ? GateStatus.Fail : inconclusive.Count > 0 ? GateStatus.Inconclusive : GateStatus.Pass;
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"+{added} ms on Redis for {seen.PostgresSlowedAt - seen.RedisSlowedAt:0.#}s, then on Postgres for {seen.RestoredAt - seen.PostgresSlowedAt:0.#}s, under {options.Rate:0.#} requests/s: {seen.Ledger.Count} stage requests, {failed.Count} failed");
        return new GateResult
        {
            Status = status,
            Measured = Measured,
            Value = p99 is { } v ? v / 1000 : null,
            ValueText = p99 is { } t ? string.Create(CultureInfo.InvariantCulture, $"{t:0} ms") : "no answers",
            Threshold = threshold.Text,
            SampleSize = seen.Ledger.Count,
            Reason = status switch
            {
                GateStatus.Fail => string.Join("; ", problems),
                GateStatus.Inconclusive => summary + "; " + string.Join("; ", inconclusive),
                _ => summary + string.Create(CultureInfo.InvariantCulture,
                    $"; the mode store's bound held ({redisEpisodes.Count} slow episode(s) with Redis slowed, {controlEpisodes.Count} in the control period); {slowedPostgres} request(s) showed the Postgres latency; p99 {p99:0} ms"),
            },
            Charts = [Chart(seen, timeout, added)],
        }.WithEvidence(Evidence(seen, failed, controlEpisodes, redisEpisodes, slowedPostgres, p99, added, threshold));
    }

    /// <summary>
    /// The answered requests of <paramref name="period"/> that took at least <paramref name="milliseconds"/>, grouped into
    /// episodes: requests whose send-to-answer spans overlap belong to one.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<OutageRequest>> Episodes(IEnumerable<OutageRequest> period, double milliseconds)
    {
        ArgumentNullException.ThrowIfNull(period);
        var episodes = new List<IReadOnlyList<OutageRequest>>();
        List<OutageRequest>? current = null;
        var end = double.NegativeInfinity;
        foreach (var slow in period.Where(r => r.AnsweredAt is not null && r.LatencyMilliseconds >= milliseconds).OrderBy(r => r.SentAt))
        {
            if (current is null || slow.SentAt > end)
            {
                current = [];
                episodes.Add(current);
                end = double.NegativeInfinity;
            }

            current.Add(slow);
            end = Math.Max(end, slow.AnsweredAt!.Value);
        }

        return episodes;
    }

    /// <summary>The nearest-rank <paramref name="quantile"/> of the latencies in milliseconds; an unanswered request counts as slowest; null when empty.</summary>
    public static double? Percentile(IReadOnlyCollection<OutageRequest> requests, double quantile)
    {
        ArgumentNullException.ThrowIfNull(requests);
        if (requests.Count == 0)
        {
            return null;
        }

        var sorted = requests.Select(r => r.AnsweredAt is null ? double.PositiveInfinity : r.LatencyMilliseconds).Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    private static List<Evidence> Evidence(LatencyDrillObservations seen, List<(OutageRequest Request, string? Why)> failed, IReadOnlyList<IReadOnlyList<OutageRequest>> controlEpisodes,
        IReadOnlyList<IReadOnlyList<OutageRequest>> redisEpisodes, int slowedPostgres, double? p99, int added, Threshold threshold)
    {
        var evidence = new List<Evidence>();
        evidence.AddRange(failed.Take(20).Select(f => new Evidence(
            string.Create(CultureInfo.InvariantCulture, $"request #{f.Request.Index} {f.Request.Endpoint} due at {f.Request.ScheduledSeconds:0.###}s"),
            "answered as the contract gives, in time", f.Why!, "FAILED")));
        evidence.AddRange(redisEpisodes.Take(10).Select(e => new Evidence(
            string.Create(CultureInfo.InvariantCulture, $"slow episode with Redis slowed, at {e[0].SentAt:0.###}s"),
            string.Create(CultureInfo.InvariantCulture, $"under {added} ms (the 100 ms bound)"),
            string.Join("; ", e.Take(3).Select(r => string.Create(CultureInfo.InvariantCulture, $"#{r.Index} {r.Endpoint} {r.LatencyMilliseconds:0} ms"))) + (e.Count > 3 ? $"; +{e.Count - 3} more" : ""), "")));
        evidence.Add(new Evidence("fault", $"+{added} ms on Redis, then on Postgres", string.Create(CultureInfo.InvariantCulture,
            $"{seen.Control}: Redis slowed {seen.RedisSlowedAt:0.###}s to {seen.PostgresSlowedAt:0.###}s, Postgres to {seen.RestoredAt:0.###}s"), ""));
        evidence.Add(new Evidence("ledger", "0 failed", $"{seen.Ledger.Count} sent, {failed.Count} failed", ""));
        evidence.Add(new Evidence("slow episodes (requests of at least the added latency), control / Redis slowed", "no more with Redis slowed than in the control",
            $"{controlEpisodes.Count} / {redisEpisodes.Count}", ""));
        evidence.Add(new Evidence("requests showing the Postgres latency", "at least one (else the control acted on nothing)", slowedPostgres.ToString(CultureInfo.InvariantCulture), ""));
        evidence.Add(new Evidence("p99 of the slowed periods", threshold.Text, p99 is { } p ? string.Create(CultureInfo.InvariantCulture, $"{p:0} ms") : "no answers",
            "slowest: " + string.Join("; ", seen.RedisPeriod.Concat(seen.PostgresPeriod).Where(r => r.AnsweredAt is not null).OrderByDescending(r => r.LatencyMilliseconds).Take(5)
                .Select(r => string.Create(CultureInfo.InvariantCulture, $"#{r.Index} {r.Endpoint} sent {r.SentAt:0.###}s {r.LatencyMilliseconds:0} ms")))));
        var errors = seen.RedisErrors.Where(s => s.At >= seen.RedisSlowedAt && s.At <= seen.PostgresSlowedAt).ToList();
        evidence.Add(new Evidence("stage_mode_redis_errors_total while Redis was slowed (evidence only: a bounded store counts its timeouts)", "grows",
            seen.RedisErrorsProblem ?? (errors.Count > 1 ? string.Create(CultureInfo.InvariantCulture, $"{errors[^1].Value - errors[0].Value:0} more") : "not sampled"), ""));
        return evidence;
    }

    /// <summary>
    /// Requests, failed requests and requests of at least the added latency per second (by when they were due), across the drill,
    /// in bins of whole seconds so that the chart keeps at most about 30 rows (2 s for the default 52 s drill).
    /// </summary>
    public static Chart Chart(LatencyDrillObservations seen, int timeoutMilliseconds, int addedMilliseconds)
    {
        ArgumentNullException.ThrowIfNull(seen);
        var last = seen.Ledger.Select(r => r.ScheduledSeconds).DefaultIfEmpty(0).Max();
        var bin = Math.Max(1, (int)Math.Ceiling(last / 30));
        var starts = Enumerable.Range(0, (int)Math.Floor(last / bin) + 1).Select(i => i * bin).ToList();
        string Mark(int start) =>
            Within(start, seen.RedisSlowedAt) ? " Redis slowed" : Within(start, seen.PostgresSlowedAt) ? " Postgres slowed" : Within(start, seen.RestoredAt) ? " restored" : "";
        bool Within(int start, double at) => at >= start && at < start + bin;
        var labels = starts.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s}s") + Mark(s)).ToList();
        List<double> PerSecond(Func<OutageRequest, bool> which) =>
            [.. starts.Select(s => (double)seen.Ledger.Count(r => r.ScheduledSeconds >= s && r.ScheduledSeconds < s + bin && which(r)) / bin)];
        return new Chart($"Requests per second across the latency drill (+{addedMilliseconds} ms; {bin} s bins)", labels,
            [
                new ChartSeries("requests/s", PerSecond(_ => true), ChartSeries.Good),
                new ChartSeries("failed requests/s", PerSecond(r => r.Failure(timeoutMilliseconds) is not null), ChartSeries.Bad),
                new ChartSeries($"requests/s of {addedMilliseconds} ms or more", PerSecond(r => r.AnsweredAt is not null && r.LatencyMilliseconds >= addedMilliseconds)),
            ],
            "per second");
    }
}
