using Harness.Engine.Gates;

namespace Harness.Engine.Audit;

/// <summary>The chart of an audit: the worst clients' validated requests, clean against counted by the measure.</summary>
public static class AuditChart
{
    /// <summary>Clients drawn.</summary>
    public const int Clients = 10;

    /// <summary>The chart of the report's worst clients (those with at least one request counted by the measure).</summary>
    public static Chart Of(AuditReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var unknown = report.Measure == "unknown";
        var worst = report.Clients.Where(c => (unknown ? c.Unknown : c.WouldReject).Events > 0).Take(Clients).ToList();
        return new Chart(
            $"Worst clients: validated requests {(unknown ? "with an unknown stage" : "that would be rejected")}",
            [.. worst.Select(c => c.Client)],
            [
                new ChartSeries("clean", [.. worst.Select(c => (double)(c.Validated - (unknown ? c.Unknown : c.WouldReject).Events))], ChartSeries.Good),
                new ChartSeries(unknown ? "unknown stage" : "would-reject", [.. worst.Select(c => (double)(unknown ? c.Unknown : c.WouldReject).Events)], ChartSeries.Bad),
            ],
            "requests");
    }
}
