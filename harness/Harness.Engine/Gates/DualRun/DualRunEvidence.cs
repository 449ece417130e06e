using System.Globalization;
using Harness.Engine.Diff;

namespace Harness.Engine.Gates.DualRun;

/// <summary>
/// A dual run's report as a gate result: the judgement's status and share, and the groups as evidence,
/// bounded (the counted groups first, then a few expected and noise groups, each with its counts and
/// one example), so that report.md and report.html show what differed without the whole diff.
/// </summary>
public static class DualRunEvidence
{
    /// <summary>Counted groups kept as evidence; the rest are counted as omitted.</summary>
    public const int MaxCounted = 20;

    /// <summary>Expected groups, and noise groups, kept as evidence each.</summary>
    public const int MaxSetApart = 5;

    private const int MaxValue = 120;

    /// <summary>The gate result of <paramref name="report"/>.</summary>
    public static GateResult Result(DiffReport report, string measured)
    {
        ArgumentNullException.ThrowIfNull(report);
        var judgement = report.Judgement;
        var counted = report.Of(DiffClass.Counted);
        var expected = report.Of(DiffClass.Expected);
        var noise = report.Of(DiffClass.Noise);
        var kept = counted.Take(MaxCounted).Concat(expected.Take(MaxSetApart)).Concat(noise.Take(MaxSetApart)).ToList();
        var t = report.Traffic;
        var context = string.Create(CultureInfo.InvariantCulture,
            $"{counted.Count} group(s) of differences, {expected.Count} expected, {noise.Count} noise; primary {report.Targets.Primary}, secondary {report.Targets.Secondary?.ToString() ?? "none (no noise learned)"}; {t.Sent} requests to each ({t.Golden} golden, {t.Generated} generated, seed {report.Seed}), writes {(report.Writes == DiffWrites.SeparateStores ? "sent (separate stores)" : $"not sent ({t.SkippedWrites} left out: reads only)")}");
        var problems = report.Problems.Count == 0 ? "" : "; " + string.Join("; ", report.Problems);
        return new GateResult
        {
            Status = judgement.Status,
            Measured = measured,
            Value = judgement.Compared == 0 ? null : judgement.Share,
            ValueText = string.Create(CultureInfo.InvariantCulture, $"{judgement.Share:P2} ({judgement.Differing}/{judgement.Compared})"),
            Threshold = report.Threshold,
            SampleSize = judgement.Compared,
            Reason = $"{judgement.Reason}; {context}{problems}",
            Evidence = [.. kept.Select(Of)],
            EvidenceOmitted = counted.Count + expected.Count + noise.Count - kept.Count,
        };
    }

    private static Evidence Of(DiffGroup group)
    {
        var example = group.Examples[0];
        var expected = group.Class switch
        {
            DiffClass.Expected => $"may differ: expected ({DiffExpectations.Name(group.Expectation!.Value)})",
            DiffClass.Noise => "may differ: noise (the primary and the secondary differ there too)",
            _ => "as the primary's",
        };
        return new Evidence(
            $"{group.Endpoint} {group.Field}",
            expected,
            string.Create(CultureInfo.InvariantCulture, $"{group.Kind.ToString().ToLowerInvariant()} in {group.Count} place(s) of {group.Requests} request(s)"),
            $"e.g. {example.Request} (rid {example.RequestId}) {example.Field}: primary {Value(example.Primary)}, target {Value(example.Candidate)}");
    }

    private static string Value(string? value) => value is null ? "absent" : value.Length > MaxValue ? value[..MaxValue] + "..." : value;
}
