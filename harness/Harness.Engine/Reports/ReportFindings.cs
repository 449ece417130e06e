namespace Harness.Engine.Reports;

/// <summary>
/// The findings of a run held against a known-findings file (<c>--known-findings</c>): those the
/// team accepted, the new ones, and accepted ones that no longer occur.
/// </summary>
/// <param name="Source">The known-findings file.</param>
/// <param name="Accepted">Findings of failing gates that the file accepts.</param>
/// <param name="New">Findings of failing gates that the file does not accept: these decide.</param>
/// <param name="Fixed">Accepted findings of gates that ran and were judged, which did not occur.</param>
public sealed record ReportFindings(string Source, IReadOnlyList<ReportFinding> Accepted, IReadOnlyList<ReportFinding> New, IReadOnlyList<ReportFinding> Fixed);

/// <summary>One finding in a report.</summary>
/// <param name="Gate">The gate's id.</param>
/// <param name="Fingerprint">Its fingerprint.</param>
/// <param name="Summary">What it is, for people.</param>
/// <param name="Occurrences">Evidence items with this fingerprint in this run (0 for a fixed one).</param>
/// <param name="Reason">Why it was accepted (from the file); null for a new one.</param>
public sealed record ReportFinding(string Gate, string Fingerprint, string Summary, int Occurrences, string? Reason);
