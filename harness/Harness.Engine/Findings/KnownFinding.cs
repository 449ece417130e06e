namespace Harness.Engine.Findings;

/// <summary>A finding a team has reviewed and accepted, as kept in the known-findings file.</summary>
/// <param name="Gate">The gate's id.</param>
/// <param name="Fingerprint">The finding's fingerprint (<see cref="FindingFingerprint"/>).</param>
/// <param name="Summary">What the finding was when accepted, for people.</param>
/// <param name="Value">
/// The gate's measured value when the finding was accepted. For a gate with a threshold the
/// acceptance holds only while the value is no worse than this: an accepted finding never hides a
/// regression of the gate's measure.
/// </param>
/// <param name="Reason">Why it was accepted (who reviewed it, which ticket).</param>
/// <param name="AcceptedAt">When (UTC).</param>
public sealed record KnownFinding(string Gate, string Fingerprint, string Summary, double? Value, string Reason, DateTimeOffset AcceptedAt);
