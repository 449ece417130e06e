using System.Globalization;
using Harness.Engine.Gates;
using Harness.Engine.Gates.Statistics;

namespace Harness.Engine.Audit;

/// <summary>
/// Judges an audit against its limits. Overall: the share's Wilson interval against the overall limit,
/// as the readiness gates judge (Pass wholly below, Fail wholly at or above, Inconclusive across).
/// Per client: a client is <c>above</c> when its interval's low end is at or above the limit (Fail),
/// <c>above?</c> when its share is but the interval reaches below (Inconclusive), otherwise within;
/// requiring every client's whole interval below the limit would leave every small client
/// inconclusive for ever. The "other clients" bucket is several clients, so it cannot fail a client;
/// its share above the limit is Inconclusive (raise the cap to see who).
/// </summary>
public static class AuditJudge
{
    /// <summary>A client shown to be above the limit.</summary>
    public const string Above = "above";

    /// <summary>A client whose share is above the limit but whose interval reaches below it.</summary>
    public const string PossiblyAbove = "above?";

    /// <summary>A client within the limit.</summary>
    public const string Within = "within";

    /// <summary>A client with fewer validated requests than the minimum to be judged.</summary>
    public const string TooFew = "too few";

    /// <summary>How one client's share stands against the per-client limit.</summary>
    public static string ClientVerdict(ShareEstimate share, AuditOptions options)
    {
        ArgumentNullException.ThrowIfNull(share);
        ArgumentNullException.ThrowIfNull(options);
        return options.MaxClientShare is not { } limit ? "-"
            : share.Trials < options.MinClientSamples ? TooFew
            : share.Low >= limit ? Above
            : share.Share >= limit ? PossiblyAbove
            : Within;
    }

    /// <summary>The audit's status and one line saying why.</summary>
    public static (GateStatus Status, string Reason) Judge(ClientAudit overall, IReadOnlyList<ClientAudit> clients, ClientAudit? other, AuditOptions options)
    {
        ArgumentNullException.ThrowIfNull(overall);
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(options);
        var measure = options.Measure == AuditMeasure.Unknown ? "unknown" : "would-reject";
        ShareEstimate Of(ClientAudit row) => options.Measure == AuditMeasure.Unknown ? row.Unknown : row.WouldReject;
        var parts = new List<string>();
        var status = GateStatus.Pass;
        var all = Of(overall);
        parts.Add(string.Create(CultureInfo.InvariantCulture, $"{measure} share {Percent(all.Share)} ({all.Events}/{all.Trials} validated, {Percent(all.Low)}..{Percent(all.High)})"));
        if (options.MaxShare is { } maxShare)
        {
            var judged = all.Trials == 0 ? GateStatus.Inconclusive : Proportions.BelowLimit((all.Low, all.High), maxShare, inclusive: true);
            status = Worse(status, judged);
            parts.Add($"overall limit {Percent(maxShare)}: {(judged == GateStatus.Pass ? "met" : judged == GateStatus.Fail ? "not met" : all.Trials == 0 ? "no validated request" : "the interval straddles it")}");
        }

        if (options.MaxClientShare is { } maxClient)
        {
            var above = clients.Where(c => c.Verdict == Above).ToList();
            var possibly = clients.Where(c => c.Verdict == PossiblyAbove).ToList();
            if (above.Count > 0)
            {
                status = Worse(status, GateStatus.Fail);
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{above.Count} client(s) above the per-client limit {Percent(maxClient)}, worst {Name(above[0], Of(above[0]))}"));
            }

            if (possibly.Count > 0)
            {
                status = Worse(status, GateStatus.Inconclusive);
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{possibly.Count} client(s) above {Percent(maxClient)} by share but not by interval, worst {Name(possibly[0], Of(possibly[0]))}"));
            }

            if (other is not null && Of(other).Share >= maxClient)
            {
                status = Worse(status, GateStatus.Inconclusive);
                parts.Add($"the untracked clients together are at {Percent(Of(other).Share)}: raise the client cap to tell them apart");
            }

            if (above.Count == 0 && possibly.Count == 0)
            {
                parts.Add($"no client above the per-client limit {Percent(maxClient)}");
            }
        }

        return (status, string.Join("; ", parts));
    }

    /// <summary>A share as a percentage, invariant.</summary>
    public static string Percent(double share) => string.Create(CultureInfo.InvariantCulture, $"{100 * share:0.###}%");

    private static string Name(ClientAudit row, ShareEstimate share) =>
        string.Create(CultureInfo.InvariantCulture, $"{row.Client} at {Percent(share.Share)} ({share.Events}/{share.Trials}, {Percent(share.Low)}..{Percent(share.High)})");

    private static GateStatus Worse(GateStatus a, GateStatus b) =>
        a == GateStatus.Fail || b == GateStatus.Fail ? GateStatus.Fail
        : a == GateStatus.Inconclusive || b == GateStatus.Inconclusive ? GateStatus.Inconclusive
        : GateStatus.Pass;
}
