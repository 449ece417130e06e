namespace Harness.Engine.Gates;

/// <summary>
/// What a gate found: a status with the measurement behind it. Gates return this for every
/// expected outcome, including a target that cannot be reached.
/// </summary>
public sealed record GateResult
{
    /// <summary>Largest number of evidence items a result keeps; the rest are counted in <see cref="EvidenceOmitted"/>.</summary>
    public const int MaxEvidence = 50;

    /// <summary>The outcome.</summary>
    public required GateStatus Status { get; init; }

    /// <summary>What was measured, for example <c>share of warn/shadow responses with the full deprecation set</c>.</summary>
    public required string Measured { get; init; }

    /// <summary>The measured value in base units (a ratio, seconds or a count); null when nothing was measured.</summary>
    public double? Value { get; init; }

    /// <summary>The value as people read it, for example <c>99.50%</c>; empty when nothing was measured.</summary>
    public string ValueText { get; init; } = "";

    /// <summary>The threshold applied, as text; empty when the gate has none.</summary>
    public string Threshold { get; init; } = "";

    /// <summary>How many observations the value rests on.</summary>
    public int SampleSize { get; init; }

    /// <summary>Why the gate ended as it did, in one line.</summary>
    public required string Reason { get; init; }

    /// <summary>Observations that explain the result, mismatches first; at most <see cref="MaxEvidence"/>.</summary>
    public IReadOnlyList<Evidence> Evidence { get; init; } = [];

    /// <summary>How many further evidence items were left out.</summary>
    public int EvidenceOmitted { get; init; }

    /// <summary>Numbers to chart in the HTML report.</summary>
    public IReadOnlyList<Chart> Charts { get; init; } = [];

    /// <summary>Raw measurements a later run can read back (a baseline's, <see cref="Baseline.BaselineMeasurements"/>); null for most gates.</summary>
    public System.Text.Json.JsonElement? Measurements { get; init; }

    /// <summary>A result for a gate that could not run.</summary>
    public static GateResult NotEvaluated(string measured, string reason, string threshold = "") =>
        new() { Status = GateStatus.NotEvaluated, Measured = measured, Reason = reason, Threshold = threshold };

    /// <summary>Keeps the first <see cref="MaxEvidence"/> items and counts the rest.</summary>
    public GateResult WithEvidence(IReadOnlyCollection<Evidence> evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        return this with
        {
            Evidence = [.. evidence.Take(MaxEvidence)],
            EvidenceOmitted = Math.Max(0, evidence.Count - MaxEvidence),
        };
    }
}
