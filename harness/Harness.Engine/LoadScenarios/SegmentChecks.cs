using System.Globalization;
using Harness.Engine.Gates;
using Harness.Engine.Gates.Load;
using Harness.Engine.Plans;
using Scenarios.Results;
using Harness.Engine.Gates.Statistics;

namespace Harness.Engine.LoadScenarios;

/// <summary>
/// The judgements of one segment, as gate results: per measured step, the share of answers that
/// are what the contract gives (every answer: status, mode, would-reject flag); where the step's
/// configuration enforces a share of requests, the enforced share against the rung's binomial
/// interval; where it flags would-rejects, the flagged share against the injected one (Wilson).
/// </summary>
public static class SegmentChecks
{
    private static readonly double Z = Proportions.Z(0.999)!.Value;

    /// <summary>One result per check, each with the id it is reported under.</summary>
    public static IReadOnlyList<(string Id, string Description, GateResult Result)> Judge(
        string segment, PhaseConfiguration configuration, LoadResult result, IReadOnlyList<StepExpectation> expected, string modeHeader, string wouldRejectHeader)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(expected);
        var checks = new List<(string, string, GateResult)>();
        var charts = Gates.Load.OpenLoad.Charts(result);
        foreach (var (step, want) in result.Steps.Zip(expected))
        {
            var id = $"{Slug(segment)}/{Slug(step.Name)}";
            var trials = (int)(step.Completed + step.TransportErrors + step.Dropped);
            var good = (int)step.Classes.GetValueOrDefault(AnswerClass.AsGiven);
            var answers = Judgement.Ratio(Threshold.Parse("== 100%"), $"share of answers under load that are what the contract gives ({step.Model})", good, trials, 100, "answers");
            var wrong = step.Classes.Where(c => c.Key != AnswerClass.AsGiven).Select(c => new Evidence(c.Key, "0", c.Value.ToString(CultureInfo.InvariantCulture)))
                .Concat(step.TransportErrors + step.Dropped > 0 ? [new Evidence("no answer or dropped", "0", (step.TransportErrors + step.Dropped).ToString(CultureInfo.InvariantCulture))] : [])
                .ToList();
            var p99 = string.Create(CultureInfo.InvariantCulture, $"; p99 {step.Percentile(99) / 1000.0:0.###} ms from scheduled start, {step.AchievedRate:0}/s");
            checks.Add((id + "/answers", $"{segment}, {step.Name}: every answer as the contract gives", answers.WithEvidence(wrong) with
            {
                Reason = answers.Reason + p99,
                Charts = checks.Count == 0 ? charts : [],
            }));
            if (configuration.Mode == "enforce" && step.Completed > 0)
            {
                checks.Add((id + "/enforced-share", $"{segment}, {step.Name}: enforced share in the rung's interval", EnforcedShare(step, configuration, modeHeader)));
            }

            if (want.Flagged > 0 || configuration.DryRun)
            {
                checks.Add((id + "/would-reject", $"{segment}, {step.Name}: would-reject share follows the injected share", WouldReject(step, want, wouldRejectHeader)));
            }
        }

        return checks;
    }

    private static GateResult EnforcedShare(StepResult step, PhaseConfiguration configuration, string modeHeader)
    {
        var enforced = step.Headers.GetValueOrDefault($"{modeHeader}: enforce");
        var share = (double)enforced / step.Completed;
        var p = configuration.EnforcementPercent / 100.0;
        var (low, high) = Proportions.BinomialRange(p, step.Completed, Z);
        var within = share >= low - 1e-12 && share <= high + 1e-12;
        var text = string.Create(CultureInfo.InvariantCulture, $"{100 * share:0.##}% ({enforced}/{step.Completed})");
        return new GateResult
        {
            Status = within ? GateStatus.Pass : GateStatus.Fail,
            Measured = "share of answers with X-Stage-Mode: enforce",
            Value = share,
            ValueText = text,
            Threshold = string.Create(CultureInfo.InvariantCulture, $"within {100 * low:0.##}%..{100 * high:0.##}% (99.9% of {configuration.EnforcementPercent}%)"),
            SampleSize = (int)step.Completed,
            Reason = string.Create(CultureInfo.InvariantCulture, $"enforced {text}, {(within ? "inside" : "outside")} the 99.9% interval of the rung"),
            Charts = [new Chart("Enforced share vs the rung (%)", ["observed", "rung"], [new ChartSeries("enforced share", [100 * share, 100 * p], within ? ChartSeries.Good : ChartSeries.Bad)], "% of answers")],
        };
    }

    private static GateResult WouldReject(StepResult step, StepExpectation want, string wouldRejectHeader)
    {
        var flagged = step.Headers.GetValueOrDefault($"{wouldRejectHeader}: true");
        var expectedShare = want.Requests == 0 ? 0 : (double)want.Flagged / want.Requests;
        var (low, high) = Proportions.Wilson(flagged, Math.Max(1, step.Completed), Z);
        var within = expectedShare >= low - 1e-12 && expectedShare <= high + 1e-12;
        var text = string.Create(CultureInfo.InvariantCulture, $"{100.0 * flagged / Math.Max(1, step.Completed):0.##}% ({flagged}/{step.Completed})");
        return new GateResult
        {
            Status = within ? GateStatus.Pass : GateStatus.Fail,
            Measured = "share of answers flagged X-Stage-Would-Reject, against the share the contract flags",
            Value = (double)flagged / Math.Max(1, step.Completed),
            ValueText = text,
            Threshold = string.Create(CultureInfo.InvariantCulture, $"flagged share {100 * expectedShare:0.##}% inside the 99.9% Wilson interval"),
            SampleSize = (int)step.Completed,
            Reason = string.Create(CultureInfo.InvariantCulture, $"flagged {text}, Wilson {100 * low:0.##}%..{100 * high:0.##}%; the contract flags {100 * expectedShare:0.##}%: {(within ? "inside" : "outside")}"),
            Charts = [new Chart("Would-reject share vs the share the contract flags (%)", ["observed", "contract"], [new ChartSeries("would-reject", [100.0 * flagged / Math.Max(1, step.Completed), 100 * expectedShare], within ? ChartSeries.Good : ChartSeries.Bad)], "% of answers")],
        };
    }

    /// <summary><c>rung 10%</c> → <c>rung-10</c>: lower case, a dash for each run of other characters, none at the ends.</summary>
    private static string Slug(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text.ToLowerInvariant(), "[^a-z0-9]+", "-").Trim('-');
}
