namespace Harness.Engine.Findings;

/// <summary>
/// One finding of a failing gate: an evidence item (or, for a gate that failed on its value alone,
/// the gate itself) with a fingerprint that stays the same from run to run while the deviation
/// stays the same.
/// </summary>
/// <param name="Gate">The gate's id.</param>
/// <param name="Fingerprint">16 hex digits (<see cref="FindingFingerprint"/>).</param>
/// <param name="Summary">One line for people: the evidence's subject, expected and actual.</param>
/// <param name="Occurrences">Evidence items of this run with this fingerprint.</param>
public sealed record Finding(string Gate, string Fingerprint, string Summary, int Occurrences);
