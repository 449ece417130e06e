using System.Globalization;
using Harness.Engine.Plans;

namespace Harness.Engine.Gates.Drills;

/// <summary>
/// The verdict of the Postgres outage drill from what it saw, a pure function: Fail on any
/// acknowledged write lost, any unclean failure (a 500, another status, a 503 without a problem body,
/// a hang, a reset), <c>/readyz</c> never unready while Postgres was away, or recovery not within the
/// threshold; else Inconclusive when the drill could not judge (the harness fell behind, no write was
/// sent during the outage, <c>/readyz</c> was never polled during it, a write could not be read back);
/// else Pass.
/// </summary>
public static class PostgresOutageJudgement
{
    /// <summary>The status and its reason.</summary>
    public static (GateStatus Status, string Reason) Judge(OutageObservation seen, Threshold recovery, double maxLateShare)
    {
        ArgumentNullException.ThrowIfNull(seen);
        ArgumentNullException.ThrowIfNull(recovery);
        var ledger = string.Create(CultureInfo.InvariantCulture, $"{seen.WritesAcknowledged} acknowledged writes, {seen.Lost} lost");
        var failures = new List<string>();
        if (seen.Lost > 0)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{seen.Lost} of {seen.WritesAcknowledged} acknowledged writes lost (missing or changed when read back)"));
        }

        if (seen.Unclean.Count > 0)
        {
            failures.Add("unclean failures: " + string.Join("; ", seen.Unclean.OrderByDescending(u => u.Value).ThenBy(u => u.Key, StringComparer.Ordinal)
                .Select(u => string.Create(CultureInfo.InvariantCulture, $"{u.Value} x {u.Key}"))) + " (only 503 application/problem+json is clean)");
        }

        if (seen.ReadyPollsDuringOutage > 0 && seen.UnreadyDuringOutage == 0)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"/readyz said ready in all {seen.ReadyPollsDuringOutage} polls while Postgres was away"));
        }

        if (seen.RecoverySeconds is not { } seconds)
        {
            failures.Add($"not recovered: {seen.NotRecovered}");
        }
        else if (!recovery.IsMetBy(seconds))
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"recovery took {seconds:0.###}s, threshold {recovery.Text}"));
        }

        if (failures.Count > 0)
        {
            return (GateStatus.Fail, string.Join("; ", failures) + $" ({ledger})");
        }

        var doubts = new List<string>();
        if (seen.Sent > 0 && seen.LateSends > maxLateShare * seen.Sent)
        {
            doubts.Add(string.Create(CultureInfo.InvariantCulture, $"the harness fell behind: {seen.LateSends} of {seen.Sent} sends over 100 ms late (allowed {maxLateShare:0.##%})"));
        }

        if (seen.WritesDuringOutage == 0)
        {
            doubts.Add("no write was sent while Postgres was away");
        }

        if (seen.ReadyPollsDuringOutage == 0)
        {
            doubts.Add("/readyz was not polled while Postgres was away");
        }

        if (seen.Unreadable > 0)
        {
            doubts.Add(string.Create(CultureInfo.InvariantCulture, $"{seen.Unreadable} acknowledged writes could not be read back"));
        }

        if (doubts.Count > 0)
        {
            return (GateStatus.Inconclusive, string.Join("; ", doubts) + $" ({ledger})");
        }

        return (GateStatus.Pass, string.Create(CultureInfo.InvariantCulture,
            $"{ledger}; {seen.Clean503} clean 503s, no 500, no hang; /readyz unready in {seen.UnreadyDuringOutage} of {seen.ReadyPollsDuringOutage} polls during the outage; recovered in {seen.RecoverySeconds:0.###}s, threshold {recovery.Text}"));
    }

    /// <summary>
    /// Seconds from <paramref name="repairAt"/> until <paramref name="consecutive"/> writes sent after it,
    /// in a row in send order, were all answered 2xx, and a <c>/readyz</c> poll sent after it said ready
    /// (the later of the two); null with the reason when either did not happen.
    /// </summary>
    public static (double? Seconds, string Reason) Recovery(IReadOnlyList<OutageRequest> answers, IReadOnlyList<(double SentAt, double AnsweredAt, bool Ready)> polls,
        double repairAt, int consecutive)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(polls);
        double? writesAt = null;
        var run = 0;
        var runEnd = 0.0;
        foreach (var write in answers.Where(a => a.IsWrite && a.SentAt >= repairAt).OrderBy(a => a.Index))
        {
            if (!write.Succeeded)
            {
                run = 0;
                runEnd = 0;
                continue;
            }

            run++;
            runEnd = Math.Max(runEnd, write.AnsweredAt ?? 0);
            if (run == consecutive)
            {
                writesAt = runEnd;
                break;
            }
        }

        var ready = polls.Where(p => p.SentAt >= repairAt && p.Ready).Select(p => (double?)p.AnsweredAt).FirstOrDefault();
        if (writesAt is null || ready is null)
        {
            return (null, string.Join(" and ", new[]
            {
                writesAt is null ? string.Create(CultureInfo.InvariantCulture, $"no {consecutive} writes in a row succeeded after the repair") : null,
                ready is null ? "/readyz never said ready after the repair" : null,
            }.Where(r => r is not null)));
        }

        return (Math.Max(writesAt.Value, ready.Value) - repairAt, "");
    }
}
