using System.Globalization;
using Harness.Engine.Gates;
using Harness.Engine.Plans;
using Harness.Engine.Reports;

namespace Harness.Engine.Findings;

/// <summary>
/// Holds a run's failing gates against the findings a team accepted, so that a phase fails only on
/// new regressions. A failing gate stops deciding the verdict (it is marked <see cref="GateReport.Accepted"/>,
/// its status stays Fail) only when every one of its findings is accepted, none of its evidence was
/// left out of the report (unseen evidence could be new), and its measured value is no worse than
/// when the findings were accepted. Nothing else is ever accepted: a gate that could not be
/// evaluated, or was inconclusive, decides as before, and so does the promotion ledger's rung check
/// (its override is <c>--force</c> with a reason, recorded in the ledger).
/// </summary>
public static class FindingsReview
{
    private const double Epsilon = 1e-12;

    /// <summary>The gates with accepted failures marked, and the findings sorted into accepted, new and fixed.</summary>
    public static (IReadOnlyList<GateReport> Gates, ReportFindings Findings) Apply(IReadOnlyList<GateReport> gates, IReadOnlyList<KnownFinding> known, string source)
    {
        ArgumentNullException.ThrowIfNull(gates);
        ArgumentNullException.ThrowIfNull(known);
        var accepted = new List<ReportFinding>();
        var fresh = new List<ReportFinding>();
        var fixedOnes = new List<ReportFinding>();
        var reviewed = new List<GateReport>(gates.Count);
        foreach (var gate in gates)
        {
            var ofGate = known.Where(k => k.Gate == gate.Id).ToList();
            if (gate.Status == GateStatus.Pass)
            {
                fixedOnes.AddRange(ofGate.Select(k => new ReportFinding(k.Gate, k.Fingerprint, k.Summary, 0, k.Reason)));
                reviewed.Add(gate);
                continue;
            }

            if (gate.Status != GateStatus.Fail || gate.Kind == Ledger.RungCheck.GateId)
            {
                reviewed.Add(gate);
                continue;
            }

            var findings = FindingFingerprint.Of(gate);
            var byPrint = ofGate.ToDictionary(k => k.Fingerprint, StringComparer.OrdinalIgnoreCase);
            var matched = findings.Where(f => byPrint.ContainsKey(f.Fingerprint)).ToList();
            var unmatched = findings.Where(f => !byPrint.ContainsKey(f.Fingerprint)).ToList();
            accepted.AddRange(matched.Select(f => new ReportFinding(f.Gate, f.Fingerprint, f.Summary, f.Occurrences, byPrint[f.Fingerprint].Reason)));
            fresh.AddRange(unmatched.Select(f => new ReportFinding(f.Gate, f.Fingerprint, f.Summary, f.Occurrences, null)));
            if (gate.EvidenceOmitted == 0)
            {
                var seen = findings.Select(f => f.Fingerprint).ToHashSet(StringComparer.OrdinalIgnoreCase);
                fixedOnes.AddRange(ofGate.Where(k => !seen.Contains(k.Fingerprint)).Select(k => new ReportFinding(k.Gate, k.Fingerprint, k.Summary, 0, k.Reason)));
            }

            if (matched.Count == 0)
            {
                reviewed.Add(gate);
                continue;
            }

            var blocker = unmatched.Count > 0 ? $"{unmatched.Count} new finding(s) beside {matched.Count} accepted"
                : gate.EvidenceOmitted > 0 ? $"{gate.EvidenceOmitted} evidence item(s) beyond the report's {GateResult.MaxEvidence} were not fingerprinted and could be new"
                : ValueBlocker(gate, matched.Select(f => byPrint[f.Fingerprint]).ToList());
            reviewed.Add(blocker is null
                ? gate with { Accepted = true, Reason = $"{gate.Reason}; accepted: every finding ({matched.Count}) is in {Path.GetFileName(source)}" }
                : gate with { Reason = $"{gate.Reason}; not accepted: {blocker}" });
        }

        return (reviewed, new ReportFindings(source, accepted, fresh, fixedOnes));
    }

    /// <summary>
    /// The findings of the failing gates of <paramref name="report"/> added to <paramref name="known"/>
    /// with <paramref name="reason"/> and the gate's value (a finding already known gets the new
    /// value and reason: accepting again is a decision too).
    /// </summary>
    public static (IReadOnlyList<KnownFinding> Known, IReadOnlyList<Finding> Added) Accept(
        RehearsalReport report, IReadOnlyList<KnownFinding> known, string reason, DateTimeOffset now, string? gateId = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(known);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var result = known.ToList();
        var added = new List<Finding>();
        foreach (var gate in report.Gates.Where(g => g.Status == GateStatus.Fail && g.Kind != Ledger.RungCheck.GateId && (gateId is null || g.Id == gateId)))
        {
            foreach (var finding in FindingFingerprint.Of(gate))
            {
                result.RemoveAll(k => k.Gate == finding.Gate && string.Equals(k.Fingerprint, finding.Fingerprint, StringComparison.OrdinalIgnoreCase));
                result.Add(new KnownFinding(finding.Gate, finding.Fingerprint, finding.Summary, gate.Value, reason, now));
                added.Add(finding);
            }
        }

        return (result, added);
    }

    /// <summary>Why the value of <paramref name="gate"/> keeps it deciding; null when it does not.</summary>
    private static string? ValueBlocker(GateReport gate, IReadOnlyList<KnownFinding> matched)
    {
        if (gate.Value is not { } current || !Threshold.TryParse(gate.Threshold, out var threshold, out _))
        {
            return null;
        }

        var values = matched.Where(k => k.Value is not null).Select(k => k.Value!.Value).ToList();
        if (values.Count == 0)
        {
            return "the accepted findings record no value of the gate to hold it to (accept them again with 'rehearse findings accept')";
        }

        var bound = values.MaxBy(v => Distance(threshold, v));
        return Distance(threshold, current) <= Distance(threshold, bound) + Epsilon
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"the measure got worse than when the findings were accepted ({current:G6} against {bound:G6})");
    }

    /// <summary>How far <paramref name="value"/> is on the failing side of <paramref name="threshold"/>: larger is worse.</summary>
    private static double Distance(Threshold threshold, double value) => threshold.Operator switch
    {
        ThresholdOperator.AtMost or ThresholdOperator.LessThan => value - threshold.Value,
        ThresholdOperator.AtLeast or ThresholdOperator.GreaterThan => threshold.Value - value,
        _ => Math.Abs(value - threshold.Value),
    };
}
