using System.Globalization;
using Harness.Engine.Plans;

namespace Harness.Engine.Gates.Load;

/// <summary>
/// The error rate sustained under load (contract section 11, enforce-100): an open-model load of
/// generated traffic for a steady period; errors are answers with a status the contract does not
/// give (5xx included), transport failures and sends the engine dropped. Judged with a Wilson
/// interval like <see cref="ErrorRateGate"/>; Inconclusive when the harness fell behind its schedule.
/// </summary>
public sealed class SustainedErrorRateGate : IGate
{
    private static readonly string[] KnownParameters = ["rate", "steadySeconds", "confidence"];
    private readonly double _rate;
    private readonly double _steady;
    private readonly double _z;

    private SustainedErrorRateGate(double rate, double steady, double z) => (_rate, _steady, _z) = (rate, steady, z);

    /// <summary>Factory. Parameters: <c>rate</c> (300/s), <c>steadySeconds</c> (15), <c>confidence</c> 0.95|0.99|0.999 (0.95). Threshold: an upper limit (<c>&lt; 0.5%</c>).</summary>
    public static GateCreation Create(GateSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var p = spec.Parameters;
        if (GateChecks.UnknownParameter(p, KnownParameters) is { } unknownParameter)
        {
            return GateCreation.Invalid(unknownParameter);
        }

        if (GateChecks.UpperLimit(spec, "< 0.5%") is { } notUpperLimit)
        {
            return GateCreation.Invalid(notUpperLimit);
        }

        if (!p.TryGetInt("rate", 300, 1, 50_000, out var rate, out var e1)) return GateCreation.Invalid(e1);
        if (!p.TryGetInt("steadySeconds", 15, 1, 3_600, out var steady, out var e2)) return GateCreation.Invalid(e2);
        if (!p.TryGetChoice("confidence", "0.95", ["0.95", "0.99", "0.999"], out var confidence, out var e3)) return GateCreation.Invalid(e3);
        return GateCreation.Of(new SustainedErrorRateGate(rate, steady, Proportions.Z(double.Parse(confidence, CultureInfo.InvariantCulture))!.Value));
    }

    /// <inheritdoc />
    public async Task<GateResult> EvaluateAsync(GateContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var threshold = context.Spec.Threshold!;
        var measured = string.Create(CultureInfo.InvariantCulture, $"error rate over {_steady:0}s of sustained {_rate:0}/s open-model load (wrong statuses, 5xx, transport failures, dropped sends)");
        var result = await OpenLoad.RunAsync(context, _rate, 2, _steady, 1, cancellationToken).ConfigureAwait(false);
        var steady = result.Steps.Single(s => s.Name == "steady");
        var errors = steady.Classes.GetValueOrDefault(OpenLoad.Error) + steady.TransportErrors + steady.Dropped;
        var trials = steady.Completed + steady.TransportErrors + steady.Dropped;
        if (trials > 0 && steady.Completed == 0)
        {
            return GateResult.NotEvaluated(measured, "target unreachable: no request got an answer", threshold.Text);
        }

        var interval = Proportions.Wilson(errors, trials, _z);
        var late = trials == 0 ? 1 : (double)steady.Late / trials;
        var status = late > 0.01 ? GateStatus.Inconclusive : Proportions.BelowLimit(interval, threshold.Value, threshold.Operator == ThresholdOperator.AtMost);
        var rate = trials == 0 ? 0 : (double)errors / trials;
        var text = string.Create(CultureInfo.InvariantCulture, $"{100 * rate:0.###}% ({errors}/{trials})");
        return new GateResult
        {
            Status = status,
            Measured = measured,
            Value = rate,
            ValueText = text,
            Threshold = threshold.Text,
            SampleSize = (int)trials,
            Reason = string.Create(CultureInfo.InvariantCulture,
                $"{errors} errors in {trials} requests at {steady.AchievedRate:0}/s, {100 * interval.Low:0.###}%..{100 * interval.High:0.###}%; threshold {threshold.Text}: ")
                + status switch
                {
                    GateStatus.Pass => "met",
                    GateStatus.Fail => "not met",
                    _ when late > 0.01 => string.Create(CultureInfo.InvariantCulture, $"the harness fell behind its schedule ({100 * late:0.#}% late), the figures describe the harness"),
                    _ => "the interval straddles the threshold, sustain the load longer",
                },
            Charts = OpenLoad.Charts(result),
        };
    }
}
