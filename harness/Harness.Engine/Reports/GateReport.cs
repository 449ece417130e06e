using System.Text.Json;
using Harness.Engine.Gates;

namespace Harness.Engine.Reports;

/// <summary>One gate in a report: its declaration and its result, flat so that <c>jq '.gates[]'</c> reads well.</summary>
public sealed record GateReport
{
    /// <summary>Gate id from the plan.</summary>
    public required string Id { get; init; }

    /// <summary>Gate kind.</summary>
    public required string Kind { get; init; }

    /// <summary>One line from the plan; may be empty.</summary>
    public string Description { get; init; } = "";

    /// <summary>True when the gate decides the verdict.</summary>
    public required bool Blocking { get; init; }

    /// <summary>True when the harness added the gate itself (the configuration check of a phase that lacks one).</summary>
    public bool Implicit { get; init; }

    /// <summary>Free text from the plan (for example which issue makes an advisory gate blocking); may be null.</summary>
    public string? Note { get; init; }

    /// <summary>Parameters as the gate read them.</summary>
    public JsonElement Parameters { get; init; }

    /// <summary>Outcome.</summary>
    public required GateStatus Status { get; init; }

    /// <summary>What was measured.</summary>
    public required string Measured { get; init; }

    /// <summary>Value in base units; null when nothing was measured.</summary>
    public double? Value { get; init; }

    /// <summary>Value as people read it.</summary>
    public string ValueText { get; init; } = "";

    /// <summary>Threshold text.</summary>
    public string Threshold { get; init; } = "";

    /// <summary>Observations behind the value.</summary>
    public int SampleSize { get; init; }

    /// <summary>One-line reason.</summary>
    public required string Reason { get; init; }

    /// <summary>Wall time the gate took, in seconds.</summary>
    public double DurationSeconds { get; init; }

    /// <summary>Observations, mismatches first.</summary>
    public IReadOnlyList<Evidence> Evidence { get; init; } = [];

    /// <summary>Evidence items left out.</summary>
    public int EvidenceOmitted { get; init; }

    /// <summary>Numbers charted in the HTML report.</summary>
    public IReadOnlyList<Chart> Charts { get; init; } = [];

    /// <summary>Raw measurements a later run can read back (the baseline-load gate's, read by <c>--baseline</c>); null for most gates.</summary>
    public JsonElement? Measurements { get; init; }

    /// <summary>
    /// True when the gate failed only on findings the team accepted (<c>--known-findings</c>): its
    /// status stays Fail and it is reported, but it no longer decides the verdict.
    /// </summary>
    public bool Accepted { get; init; }

    /// <summary>True when the gate decides the verdict: blocking, and not a failure the team accepted.</summary>
    public bool Decides() => Blocking && !Accepted;

    /// <summary>Combines a declaration's fields with a result.</summary>
    public static GateReport From(Plans.GateSpec spec, GateResult result, TimeSpan duration, bool isImplicit = false)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(result);
        return new GateReport
        {
            Id = spec.Id,
            Kind = spec.Kind,
            Description = spec.Description,
            Blocking = spec.Blocking,
            Implicit = isImplicit,
            Note = spec.Note,
            Parameters = spec.Parameters.Json,
            Status = result.Status,
            Measured = result.Measured,
            Value = result.Value,
            ValueText = result.ValueText,
            Threshold = result.Threshold,
            SampleSize = result.SampleSize,
            Reason = result.Reason,
            DurationSeconds = Math.Round(duration.TotalSeconds, 3),
            Evidence = result.Evidence,
            EvidenceOmitted = result.EvidenceOmitted,
            Charts = result.Charts,
            Measurements = result.Measurements,
        };
    }
}
