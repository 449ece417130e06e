using System.Globalization;
using Harness.Engine.Plans;
using Harness.Engine.Targets;

namespace Harness.Engine.Gates.Drills;

/// <summary>Turns what the Postgres outage drill recorded into its observation, verdict, evidence and chart.</summary>
internal static class PostgresOutageReport
{
    /// <summary>Prefix of a read-back outcome that is neither the same nor lost.</summary>
    public const string Unreadable = "unreadable";

    /// <summary>Everything the drill recorded.</summary>
    public sealed record Inputs(PostgresOutageDrillOptions Options, Outage How, string Controlled, Threshold Threshold, OutageTimes Times,
        OutageLoad Traffic, ReadyPoller Ready, IReadOnlyList<AcknowledgedWrite> Ledger, IReadOnlyDictionary<AcknowledgedWrite, string?> ReadBack, string Measured);

    public static GateResult Result(Inputs inputs)
    {
        var answers = inputs.Traffic.Answers;
        var polls = inputs.Ready.Polls;
        var times = inputs.Times;
        var down = times.Broken ?? times.BreakIssued;
        bool InOutage(double sentAt) => sentAt >= down && sentAt < times.RepairIssued;
        var lost = inputs.ReadBack.Where(r => r.Value is { } v && !v.StartsWith(Unreadable, StringComparison.Ordinal)).OrderBy(r => r.Key.SentAt).ToList();
        var unreadable = inputs.ReadBack.Where(r => r.Value is { } v && v.StartsWith(Unreadable, StringComparison.Ordinal)).OrderBy(r => r.Key.SentAt).ToList();
        var pollsDuring = polls.Where(p => InOutage(p.SentAt)).ToList();
        var (recovery, notRecovered) = PostgresOutageJudgement.Recovery(answers, [.. polls.Select(p => (p.SentAt, p.AnsweredAt, p.Ready))], times.RepairIssued, inputs.Options.ConsecutiveWrites);
        if (recovery is { } r && r > inputs.Threshold.Value + 1)
        {
            (recovery, notRecovered) = (null, string.Create(CultureInfo.InvariantCulture, $"not within {inputs.Threshold.Value + 1:0.###}s of the repair"));
        }

        var seen = new OutageObservation
        {
            Sent = answers.Count,
            LateSends = inputs.Traffic.Late,
            SentDuringOutage = answers.Count(a => InOutage(a.SentAt)),
            WritesDuringOutage = answers.Count(a => a.IsWrite && InOutage(a.SentAt)),
            WritesAcknowledged = inputs.Ledger.Count,
            Lost = lost.Count,
            Unreadable = unreadable.Count,
            Clean503 = answers.Count(a => a.Clean503),
            Unclean = answers.Where(a => a.Unclean is not null).GroupBy(a => a.Unclean!).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            ReadyPollsDuringOutage = pollsDuring.Count,
            UnreadyDuringOutage = pollsDuring.Count(p => !p.Ready),
            RecoverySeconds = recovery,
            NotRecovered = notRecovered,
        };
        var (status, reason) = PostgresOutageJudgement.Judge(seen, inputs.Threshold, inputs.Options.MaxLateShare);
        var evidence = new List<Evidence>
        {
            new("outage", $"Postgres {inputs.Options.Outage} for {Seconds(inputs.Options.OutageSeconds)}", string.Create(CultureInfo.InvariantCulture,
                $"{inputs.Controlled}: break issued at {times.BreakIssued:0.00}s, down from {down:0.00}s, repair issued at {times.RepairIssued:0.00}s, back at {times.Repaired:0.00}s"), ""),
            Window("before the outage", answers.Where(a => a.SentAt < times.BreakIssued)),
            Window("during the outage", answers.Where(a => a.SentAt >= times.BreakIssued && a.SentAt < times.Repaired)),
            Window("after the repair", answers.Where(a => a.SentAt >= times.Repaired)),
            new("/readyz while Postgres was away", "unready at least once", string.Create(CultureInfo.InvariantCulture, $"{seen.UnreadyDuringOutage} of {seen.ReadyPollsDuringOutage} polls unready"), ""),
            new($"recovery ({inputs.Options.ConsecutiveWrites} writes in a row and /readyz ready)", inputs.Threshold.Text,
                recovery is { } s ? string.Create(CultureInfo.InvariantCulture, $"{s:0.###}s after the repair was issued") : "not recovered: " + notRecovered, ""),
            new("acknowledged-write ledger", "0 lost", string.Create(CultureInfo.InvariantCulture,
                $"{inputs.Ledger.Count} acknowledged ({inputs.Ledger.Count(w => w.SentAt < times.BreakIssued)} before, {inputs.Ledger.Count(w => w.SentAt >= times.BreakIssued && w.SentAt < times.Repaired)} during, {inputs.Ledger.Count(w => w.SentAt >= times.Repaired)} after), {lost.Count} lost, {unreadable.Count} unreadable"), ""),
        };
        evidence.AddRange(lost.Take(10).Select(l => new Evidence($"GET /{l.Key.ReadBackRoute} (rid={l.Key.RequestId}, sent at {Seconds(l.Key.SentAt)})", "as acknowledged", "lost: " + l.Value, "")));
        evidence.AddRange(unreadable.Take(5).Select(l => new Evidence($"GET /{l.Key.ReadBackRoute} (rid={l.Key.RequestId})", "as acknowledged", l.Value!, "")));
        evidence.AddRange(answers.Where(a => a.Unclean is not null).GroupBy(a => a.Unclean!).SelectMany(g => g.Take(3))
            .Select(a => new Evidence($"{a.Request} (sent at {Seconds(a.SentAt)})", "2xx, or 503 application/problem+json", a.Unclean!, a.Detail)));
        return new GateResult
        {
            Status = status,
            Measured = inputs.Measured,
            Value = recovery,
            ValueText = recovery is { } v ? string.Create(CultureInfo.InvariantCulture, $"{v:0.###}s") : "not recovered",
            Threshold = inputs.Threshold.Text,
            SampleSize = inputs.Ledger.Count,
            Reason = reason,
            Charts = [Chart(answers, inputs.Options.Outage, down, times.RepairIssued)],
        }.WithEvidence(evidence);
    }

    /// <summary>Requests per second and errors per second (clean 503s, anything else) by send second, the seconds with Postgres away marked.</summary>
    public static Chart Chart(IReadOnlyList<OutageRequest> answers, string outage, double down, double repairAt)
    {
        var seconds = answers.Count == 0 ? 0 : (int)Math.Floor(answers.Max(a => a.SentAt)) + 1;
        var ok = new double[seconds];
        var clean = new double[seconds];
        var other = new double[seconds];
        foreach (var answer in answers)
        {
            var second = (int)Math.Floor(answer.SentAt);
            (answer.Succeeded ? ok : answer.Clean503 ? clean : other)[second]++;
        }

        var labels = Enumerable.Range(0, seconds)
            .Select(s => string.Create(CultureInfo.InvariantCulture, $"{s}s{(s + 1 > down && s < repairAt ? " (down)" : "")}")).ToList();
        return new Chart($"Requests and errors per second across the Postgres outage ({outage})", labels,
            [new ChartSeries("2xx", ok, ChartSeries.Good), new ChartSeries("503 problem+json", clean, "#f9a825"), new ChartSeries("other errors (500, other status, hang)", other, ChartSeries.Bad)],
            "requests/s");
    }

    private static Evidence Window(string name, IEnumerable<OutageRequest> answers)
    {
        var list = answers.ToList();
        return new Evidence($"requests sent {name}", "2xx or clean 503", string.Create(CultureInfo.InvariantCulture,
            $"{list.Count} sent ({list.Count(a => a.IsWrite)} writes): {list.Count(a => a.Succeeded)} 2xx, {list.Count(a => a.Clean503)} clean 503, {list.Count(a => a.Unclean is not null)} unclean"), "");
    }

    private static string Seconds(double s) => string.Create(CultureInfo.InvariantCulture, $"{s:0.##}s");
}
