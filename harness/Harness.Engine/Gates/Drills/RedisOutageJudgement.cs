using System.Globalization;
using Harness.Engine.Plans;

namespace Harness.Engine.Gates.Drills;

/// <summary>
/// The redis-outage drill's verdict from what it saw (pure): Fail on any failed stage request, a
/// changed mode or self-report, a webhook delivery accepted without its replay check (2xx) or
/// refused as a replay or as bad credentials, or no recovery within the threshold; Inconclusive when
/// too few requests were sent during the outage, the harness's own load fell behind, or the Redis
/// error counter cannot show when Redis is used again; else Pass. <c>/readyz</c> is evidence only.
/// </summary>
public static class RedisOutageJudgement
{
    /// <summary>What the gate measures.</summary>
    public const string Measured = "time from the repair of Redis until the mode store uses it again (stage_mode_redis_errors_total flat), with no failed stage request and the mode unchanged across the outage";

    /// <summary>
    /// Share of requests the harness may send more than <see cref="LateMilliseconds"/> late before its own load counts as fallen behind.
    /// Generous on purpose: a late send threatens a Pass only where it leaves the outage uncovered
    /// (<see cref="MaxGapSeconds"/>); latency is timed from each request's own send.
    /// </summary>
    public const double LateShare = 0.2;

    /// <summary>Longest stretch of the outage with no request actually sent before the load counts as fallen behind.</summary>
    public const double MaxGapSeconds = 1;

    /// <summary>How late a request may be sent and still count as on schedule.</summary>
    public const double LateMilliseconds = 250;

    /// <summary>
    /// When Redis was used again: the last growth of the error counter after <paramref name="repairedAt"/>
    /// (0 when it did not grow after the repair), once the counter has then stayed flat for
    /// <paramref name="quietSeconds"/>; Decided is false while that cannot be told yet.
    /// </summary>
    public static (double? Seconds, bool Decided) Recovery(IReadOnlyList<TimedValue> samples, double repairedAt, double quietSeconds)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var before = samples.Where(s => s.At < repairedAt).Select(s => (double?)s.Value).LastOrDefault();
        var after = samples.Where(s => s.At >= repairedAt).ToList();
        if (after.Count == 0)
        {
            return (null, false);
        }

        var previous = before ?? after[0].Value;
        var lastGrowth = repairedAt;
        foreach (var sample in after)
        {
            if (sample.Value > previous)
            {
                lastGrowth = sample.At;
            }

            previous = sample.Value;
        }

        return after[^1].At - lastGrowth >= quietSeconds ? (lastGrowth - repairedAt, true) : (null, false);
    }

    /// <summary>The verdict.</summary>
    public static GateResult Judge(RedisOutageObservations seen, RedisOutageDrillOptions options, Threshold threshold)
    {
        ArgumentNullException.ThrowIfNull(seen);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(threshold);
        var timeout = options.RequestTimeoutMilliseconds;
        var failed = seen.Ledger.Select(r => (Request: r, Why: r.Failure(timeout))).Where(f => f.Why is not null).ToList();
        var during = seen.Ledger.Count(r => r.Window == OutageWindow.During);
        var late = seen.Ledger.Count(r => r.LagMilliseconds > LateMilliseconds);
        var gap = OutageGap(seen);
        var behind = (seen.Ledger.Count > 0 && late > seen.Ledger.Count * LateShare) || gap > MaxGapSeconds;
        var (recovery, decided) = Recovery(seen.RedisErrors, seen.RepairedAt, options.QuietSeconds);
        var grew = seen.RedisErrors.Count > 1 && seen.RedisErrors[^1].Value > seen.RedisErrors.Where(s => s.At < seen.BreakAt).Select(s => s.Value).DefaultIfEmpty(seen.RedisErrors[0].Value).Last();
        var modeChanged = !seen.ModeBefore.SequenceEqual(seen.ModeAfter, StringComparer.Ordinal);
        var reportChanged = !string.Equals(seen.SelfReportBefore, seen.SelfReportAfter, StringComparison.Ordinal);
        var webhookWrong = seen.WebhookStatus is { } w && Webhook(w) is not null;
        var recoveredInTime = recovery is { } r && threshold.IsMetBy(r);
        var recoveryMeasurable = seen.RedisErrorsProblem is null && grew;

        var problems = new List<string>();
        if (failed.Count > 0)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{failed.Count} failed stage request(s) of {seen.Ledger.Count} ({Windows(failed.Select(f => f.Request))}): ")
                + string.Join("; ", failed.GroupBy(f => $"{f.Request.Endpoint} {Kind(f.Why!)}").OrderByDescending(g => g.Count()).Take(3).Select(g => $"{g.Count()} x {g.Key}")));
        }

        if (modeChanged)
        {
            problems.Add($"the mode changed across the outage: before {string.Join(" | ", seen.ModeBefore.Distinct())}, after {string.Join(" | ", seen.ModeAfter.Distinct())}");
        }

        if (reportChanged)
        {
            problems.Add("the self-report (/api/deprecations) differs before and after the outage");
        }

        if (webhookWrong)
        {
            problems.Add($"webhook while Redis was away: {seen.WebhookStatus}, {Webhook(seen.WebhookStatus!.Value)}");
        }

        if (seen.Restored == false)
        {
            problems.Add("the mode could NOT be restored to enforce after the accepted delivery, restore it by hand");
        }

        if (recoveryMeasurable && !recoveredInTime)
        {
            problems.Add(recovery is { } slow
                ? string.Create(CultureInfo.InvariantCulture, $"Redis used again {slow:0.#}s after the repair, threshold {threshold.Text}")
                : string.Create(CultureInfo.InvariantCulture, $"stage_mode_redis_errors_total still grew {threshold.Text} after the repair (never flat for {options.QuietSeconds:0.#}s)"));
        }

        var inconclusive = new List<string>();
        if (during < options.MinRequestsDuringOutage)
        {
            inconclusive.Add($"only {during} stage request(s) sent while Redis was away, fewer than {options.MinRequestsDuringOutage}");
        }

        if (behind)
        {
            inconclusive.Add(string.Create(CultureInfo.InvariantCulture, $"the harness's own load fell behind: {late} of {seen.Ledger.Count} requests sent more than {LateMilliseconds:0} ms late, no request sent for {gap:0.#}s of the outage"));
        }

        if (!recoveryMeasurable)
        {
            inconclusive.Add(seen.RedisErrorsProblem is { } p
                ? $"recovery not measured: {p}"
                : "recovery not measured: stage_mode_redis_errors_total never grew while Redis was away, so it cannot show when Redis is used again (an outage shorter than the 5 s mode cache?)");
        }

        var status = problems.Count > 0 ? GateStatus.Fail : inconclusive.Count > 0 ? GateStatus.Inconclusive : GateStatus.Pass;
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"Redis {(options.How == Targets.Outage.Stop ? "stopped" : "paused")} {seen.RepairedAt - seen.BreakAt:0.#}s under {options.Rate:0.#} requests/s: {seen.Ledger.Count} stage requests ({Windows(seen.Ledger)}), {failed.Count} failed");
        return new GateResult
        {
            Status = status,
            Measured = Measured,
            Value = recovery,
            ValueText = recovery is { } v ? string.Create(CultureInfo.InvariantCulture, $"{v:0.###}s") : recoveryMeasurable ? "not recovered" : "not measured",
            Threshold = threshold.Text,
            SampleSize = seen.Ledger.Count,
            Reason = status switch
            {
                GateStatus.Fail => string.Join("; ", problems),
                GateStatus.Inconclusive => summary + "; " + string.Join("; ", inconclusive),
                _ => summary + string.Create(CultureInfo.InvariantCulture, $"; Redis used again {recovery:0.#}s after the repair; mode and self-report unchanged")
                    + (seen.WebhookStatus is { } s ? $"; webhook refused with {s} while Redis was away" : ""),
            },
            Charts = [Chart(seen, timeout)],
        }.WithEvidence(Evidence(seen, failed.Select(f => (f.Request, f.Why!)).ToList(), recovery, decided, threshold));
    }

    /// <summary>What is wrong with the webhook's answer to a valid first delivery while Redis is away; null when it is a refusal the sender retries (5xx).</summary>
    public static string? Webhook(int status) => status switch
    {
        >= 200 and < 300 => "accepted without its replay check (replay protection skipped)",
        409 => "a first delivery refused as a replay",
        0 => null,
        >= 500 => null,
        _ => "a valid delivery refused as if malformed or unauthorised (the sender will not retry)",
    };

    /// <summary>The longest stretch of the outage in which the harness actually sent no request (by when it sent, not when it was due).</summary>
    public static double OutageGap(RedisOutageObservations seen)
    {
        ArgumentNullException.ThrowIfNull(seen);
        var sends = seen.Ledger.Select(r => r.SentAt).Where(t => t >= seen.BreakAt && t <= seen.RepairedAt).Order().ToList();
        var points = sends.Prepend(seen.BreakAt).Append(seen.RepairedAt).ToList();
        return points.Zip(points.Skip(1), (a, b) => b - a).DefaultIfEmpty(0).Max();
    }

    private static string Kind(string why) => why.StartsWith("answered ", StringComparison.Ordinal) ? "too slow" : why;

    private static string Windows(IEnumerable<OutageRequest> requests)
    {
        var list = requests.ToList();
        return $"{list.Count(r => r.Window == OutageWindow.Before)} before, {list.Count(r => r.Window == OutageWindow.During)} during, {list.Count(r => r.Window == OutageWindow.After)} after";
    }

    private static List<Evidence> Evidence(RedisOutageObservations seen, List<(OutageRequest Request, string Why)> failed, double? recovery, bool decided, Threshold threshold)
    {
        var evidence = new List<Evidence>();
        evidence.AddRange(failed.Take(20).Select(f => new Evidence(
            string.Create(CultureInfo.InvariantCulture, $"request #{f.Request.Index} {f.Request.Endpoint} due at {f.Request.ScheduledSeconds - seen.BreakAt:+0.###;-0.###}s ({f.Request.Window.ToString().ToLowerInvariant()})"),
            "answered as the contract gives, in time", f.Why, "FAILED")));
        evidence.Add(new Evidence("fault", "Redis away", string.Create(CultureInfo.InvariantCulture, $"{seen.Control}: broken at {seen.BreakAt:0.###}s, repaired at {seen.RepairedAt:0.###}s"), ""));
        evidence.Add(new Evidence("ledger", "0 failed", $"{seen.Ledger.Count} sent ({Windows(seen.Ledger)}), {failed.Count} failed", ""));
        evidence.Add(new Evidence("the harness's own sends", string.Create(CultureInfo.InvariantCulture, $"at most {LateShare:0%} over {LateMilliseconds:0} ms late, no gap over {MaxGapSeconds:0.#}s in the outage"),
            string.Create(CultureInfo.InvariantCulture, $"{seen.Ledger.Count(r => r.LagMilliseconds > LateMilliseconds)} late, latest {seen.Ledger.Select(r => r.LagMilliseconds).DefaultIfEmpty(0).Max():0} ms, longest gap in the outage {OutageGap(seen):0.##}s"), ""));
        evidence.Add(new Evidence("mode by behaviour before / after", "equal", $"{string.Join(" | ", seen.ModeBefore.Distinct())} / {string.Join(" | ", seen.ModeAfter.Distinct())}", ""));
        evidence.Add(new Evidence("self-report /api/deprecations before / after", "equal",
            seen.SelfReportBefore == seen.SelfReportAfter ? "equal" : $"{Short(seen.SelfReportBefore)} / {Short(seen.SelfReportAfter)}", ""));
        evidence.Add(new Evidence("webhook: valid first delivery while Redis is away", "refused so the sender retries (5xx; the reference: 503 replay store unavailable)",
            seen.WebhookStatus is { } w ? $"{w}: {Short(seen.WebhookDetail)}" : "not run", seen.WebhookStatus is { } got ? Webhook(got) ?? "" : seen.WebhookDetail));
        if (seen.Restored is { } restored)
        {
            evidence.Add(new Evidence("mode restored with the ops API after the accepted delivery", "restored", restored ? "restored" : "NOT restored", ""));
        }

        evidence.Add(new Evidence("recovery (stage_mode_redis_errors_total flat after the repair)", threshold.Text,
            recovery is { } r ? string.Create(CultureInfo.InvariantCulture, $"{r:0.###}s") : decided ? "" : seen.RedisErrorsProblem ?? "not flat before the drill gave up",
            string.Create(CultureInfo.InvariantCulture, $"counter {string.Join(", ", Thin(seen.RedisErrors).Select(s => $"{s.At - seen.BreakAt:+0.#;-0.#}s={s.Value:0}"))}")));
        var unready = seen.Readiness.Count(s => s.Value != 200);
        evidence.Add(new Evidence("/readyz throughout (evidence only: the contract does not make Redis a readiness dependency)", "200",
            string.Create(CultureInfo.InvariantCulture, $"{seen.Readiness.Count - unready} of {seen.Readiness.Count} polls ready") + (unready > 0 ? ", not ready at " + string.Join(", ", seen.Readiness.Where(s => s.Value != 200).Take(5).Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.At - seen.BreakAt:+0.#;-0.#}s ({s.Value:0})"))) : ""), ""));
        return evidence;
    }

    private static IEnumerable<TimedValue> Thin(IReadOnlyList<TimedValue> samples) =>
        samples.Where((s, i) => i == 0 || i == samples.Count - 1 || s.Value != samples[i - 1].Value).Take(20);

    private static string Short(string text) => text.Length > 200 ? text[..200] + "..." : text;

    /// <summary>Requests and failed requests per second (by when they were due) and Redis errors per second, across the fault window.</summary>
    public static Chart Chart(RedisOutageObservations seen, int timeoutMilliseconds)
    {
        ArgumentNullException.ThrowIfNull(seen);
        var last = (int)Math.Ceiling(Math.Max(seen.Ledger.Select(r => r.ScheduledSeconds).DefaultIfEmpty(0).Max(), seen.RedisErrors.Select(s => s.At).DefaultIfEmpty(0).Max()));
        var seconds = Enumerable.Range(0, last + 1).ToList();
        var breakSecond = (int)Math.Floor(seen.BreakAt);
        var repairSecond = (int)Math.Floor(seen.RepairedAt);
        var labels = seconds.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s - breakSecond:+0;-0;0}s") + (s == breakSecond ? " break" : s == repairSecond ? " repair" : "")).ToList();
        var requests = seconds.Select(s => (double)seen.Ledger.Count(r => (int)Math.Floor(r.ScheduledSeconds) == s)).ToList();
        var errors = seconds.Select(s => (double)seen.Ledger.Count(r => (int)Math.Floor(r.ScheduledSeconds) == s && r.Failure(timeoutMilliseconds) is not null)).ToList();
        var redis = seconds.Select(s => RedisErrorsIn(seen.RedisErrors, s)).ToList();
        return new Chart("Requests and errors per second across the Redis outage (0s: break)", labels,
            [new ChartSeries("requests/s", requests, ChartSeries.Good), new ChartSeries("failed requests/s", errors, ChartSeries.Bad), new ChartSeries("mode store Redis errors/s", redis)],
            "per second");
    }

    private static double RedisErrorsIn(IReadOnlyList<TimedValue> samples, int second)
    {
        var start = samples.Where(s => s.At <= second).Select(s => (double?)s.Value).LastOrDefault();
        var end = samples.Where(s => s.At <= second + 1).Select(s => (double?)s.Value).LastOrDefault();
        return start is { } a && end is { } b && b > a ? b - a : 0;
    }
}
