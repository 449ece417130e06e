using System.Globalization;
using Harness.Engine.Plans;
using Harness.Engine.Gates.Statistics;
using Harness.Engine.Gates.Traffic;
using Harness.Engine.Gates.Kinds;
using Scenarios.Engine;
using Scenarios.Results;

namespace Harness.Engine.Gates.Load;

/// <summary>
/// The error rate sustained under load (contract section 11, enforce-100): an open-model load of
/// generated traffic for a steady period; errors are answers with a status the contract does not
/// give (5xx included), transport failures and sends the engine dropped. Judged with a Wilson
/// interval like <see cref="ErrorRateGate"/>; Inconclusive when the harness fell behind its schedule.
/// </summary>
public sealed class SustainedErrorRateGate : ILoadGate
{
    private readonly SustainedErrorRateOptions _options;

    private SustainedErrorRateGate(SustainedErrorRateOptions options) => _options = options;

    /// <summary>The kind: its options, threshold and needs.</summary>
    public static GateKind Kind { get; } = GateKind.For<SustainedErrorRateOptions>(GateKinds.SustainedErrorRate,
        "error rate over the steady step of an open-model load (the catalogue's ramp-then-steady shape): wrong statuses (5xx included) and transport failures decide a Fail on their own; a Pass also counts dropped sends and needs 90 % of the planned rate offered",
        ThresholdUnit.Ratio, "< 0.5%", (_, options) => new SustainedErrorRateGate(options)) with
    {
        RequiresUpperLimit = true,
        InconclusiveWhen = "the interval straddles the threshold, or the harness offered under 90 % of the planned rate",
    };

    /// <summary>Builds the gate from a spec (<see cref="GateKind.Create"/>).</summary>
    public static GateCreation Create(GateSpec spec) => Kind.Create(spec);

    /// <summary>The ramp-then-steady load: 1 s of warm-up, a 2 s ramp, then the steady step at the rate.</summary>
    public LoadShape Shape => new(_options.Rate, 2, _options.SteadySeconds, 1);

    /// <inheritdoc />
    public async Task<GateResult> EvaluateAsync(GateContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = await OpenLoad.RunAsync(context, Shape, LoadShard.Whole, cancellationToken).ConfigureAwait(false);
        return Judge(result, context.Spec.Threshold!);
    }

    /// <inheritdoc />
    public GateResult Judge(LoadResult result, Threshold threshold)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(threshold);
        var measured = string.Create(CultureInfo.InvariantCulture, $"error rate over {_options.SteadySeconds:0}s of sustained {_options.Rate:0}/s open-model load (wrong statuses, 5xx, transport failures, dropped sends)");
        var steady = result.Steps.Single(s => s.Name == "steady");
        var judged = Judge(steady, _options.Rate, threshold, _options.Z);
        if (judged.Unreachable)
        {
            return GateResult.NotEvaluated(measured, "target unreachable: no request got an answer", threshold.Text);
        }

        return new GateResult
        {
            Status = judged.Status,
            Measured = measured,
            Value = judged.Rate,
            ValueText = judged.Text,
            Threshold = threshold.Text,
            SampleSize = (int)judged.Trials,
            Reason = judged.Reason,
            Charts = OpenLoad.Charts(result),
        };
    }

    /// <summary>
    /// Judges a steady step. The target's own failures (statuses the contract does not give, 5xx,
    /// transport failures) decide a Fail on their own, whatever the harness did: an engine that fell
    /// behind cannot make a target answer wrongly. A Pass also counts dropped sends as errors and
    /// needs the engine to have offered at least 90 % of the planned rate: otherwise the step did not
    /// put the planned load on the target, and the gate is Inconclusive. Public so the rule can be
    /// tested on fixed step results.
    /// </summary>
    public static SustainedJudgement Judge(StepResult steady, double plannedRate, Threshold threshold, double z)
    {
        ArgumentNullException.ThrowIfNull(steady);
        ArgumentNullException.ThrowIfNull(threshold);
        var inclusive = threshold.Operator == ThresholdOperator.AtMost;
        var wrong = OpenLoad.Errors(steady.Classes);
        var targetErrors = wrong + steady.TransportErrors;
        var answeredOrFailed = steady.Completed + steady.TransportErrors;
        var errors = targetErrors + steady.Dropped;
        var trials = answeredOrFailed + steady.Dropped;
        var offered = plannedRate > 0 ? steady.OfferedRate / plannedRate : 1;
        var late = trials == 0 ? 0 : (double)steady.Late / trials;
        var ownInterval = Proportions.Wilson(targetErrors, answeredOrFailed, z);
        var interval = Proportions.Wilson(errors, trials, z);
        var status = Proportions.BelowLimit(ownInterval, threshold.Value, inclusive) == GateStatus.Fail ? GateStatus.Fail
            : offered < MinOfferedShare ? GateStatus.Inconclusive
            : Proportions.BelowLimit(interval, threshold.Value, inclusive);
        var rate = trials == 0 ? 0 : (double)errors / trials;
        var text = string.Create(CultureInfo.InvariantCulture, $"{100 * rate:0.###}% ({errors}/{trials})");
        var reason = string.Create(CultureInfo.InvariantCulture,
            $"{errors} errors in {trials} requests ({wrong} wrong statuses{(wrong > 0 ? $": {OpenLoad.ErrorBreakdown(steady.Classes)}" : "")}, {steady.TransportErrors} transport failures, {steady.Dropped} dropped sends), {100 * interval.Low:0.###}%..{100 * interval.High:0.###}%; offered {steady.OfferedRate:0}/s of {plannedRate:0}/s, {100 * late:0.#}% of sends over 10 ms late; threshold {threshold.Text}: ")
            + status switch
            {
                GateStatus.Pass => "met",
                GateStatus.Fail => "not met",
                _ when offered < MinOfferedShare => string.Create(CultureInfo.InvariantCulture,
                    $"the harness offered only {100 * offered:0}% of the planned rate, so the load was not sustained; the answers it got show no failure"),
                _ => "the interval straddles the threshold, sustain the load longer",
            };
        return new SustainedJudgement(status, rate, text, trials, reason, trials > 0 && steady.Completed == 0);
    }

    /// <summary>Least share of the planned rate the engine must offer for a Pass.</summary>
    public const double MinOfferedShare = 0.9;
}
