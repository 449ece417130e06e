using System.Globalization;
using Harness.Engine.Plans;

namespace Harness.Engine.Gates.Load;

/// <summary>
/// End-to-end latency under an open-model load of generated traffic (all endpoints, the phase's
/// mix): a warm-up, a ramp to the rate, then a steady step; latency is measured from each
/// request's scheduled start (no coordinated omission). The steady step's percentile is judged
/// against the threshold. When the harness itself could not keep the schedule (late or dropped
/// sends above 1 %) the figures describe the harness, not the target, and the gate is Inconclusive.
/// Requests that got no answer count as slower than every answer.
/// Runs on real time whatever clock the rehearsal was given: load is real.
/// </summary>
public sealed class LatencyUnderLoadGate : IGate
{
    private static readonly string[] KnownParameters = ["rate", "rampSeconds", "steadySeconds", "warmupSeconds", "quantile", "minSamples"];
    private readonly double _rate;
    private readonly double _ramp;
    private readonly double _steady;
    private readonly double _warmup;
    private readonly double _quantile;
    private readonly int _minSamples;

    private LatencyUnderLoadGate(double rate, double ramp, double steady, double warmup, double quantile, int minSamples)
    {
        (_rate, _ramp, _steady, _warmup, _quantile, _minSamples) = (rate, ramp, steady, warmup, quantile, minSamples);
    }

    /// <summary>
    /// Factory. Parameters: <c>rate</c> (requests/s, default 200), <c>rampSeconds</c> (2),
    /// <c>steadySeconds</c> (6), <c>warmupSeconds</c> (1), <c>quantile</c> p50|p95|p99 (p99),
    /// <c>minSamples</c> (500). Threshold: an upper limit (<c>&lt;= 250ms</c>).
    /// </summary>
    public static GateCreation Create(GateSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var p = spec.Parameters;
        if (GateChecks.UnknownParameter(p, KnownParameters) is { } unknownParameter)
        {
            return GateCreation.Invalid(unknownParameter);
        }

        if (GateChecks.UpperLimit(spec, "<= 250ms") is { } notUpperLimit)
        {
            return GateCreation.Invalid(notUpperLimit);
        }

        if (!p.TryGetInt("rate", 200, 1, 50_000, out var rate, out var e1)) return GateCreation.Invalid(e1);
        if (!p.TryGetInt("rampSeconds", 2, 0, 600, out var ramp, out var e2)) return GateCreation.Invalid(e2);
        if (!p.TryGetInt("steadySeconds", 6, 1, 3_600, out var steady, out var e3)) return GateCreation.Invalid(e3);
        if (!p.TryGetInt("warmupSeconds", 1, 0, 600, out var warmup, out var e4)) return GateCreation.Invalid(e4);
        if (!p.TryGetChoice("quantile", "p99", ["p50", "p95", "p99"], out var q, out var e5)) return GateCreation.Invalid(e5);
        if (!p.TryGetInt("minSamples", 500, 1, 10_000_000, out var min, out var e6)) return GateCreation.Invalid(e6);
        return GateCreation.Of(new LatencyUnderLoadGate(rate, ramp, steady, warmup, double.Parse(q[1..], CultureInfo.InvariantCulture), min));
    }

    /// <inheritdoc />
    public async Task<GateResult> EvaluateAsync(GateContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var threshold = context.Spec.Threshold!;
        var name = string.Create(CultureInfo.InvariantCulture, $"p{_quantile:0}");
        var measured = string.Create(CultureInfo.InvariantCulture, $"end-to-end {name} at {_rate:0}/s open-model load of generated traffic, from each request's scheduled start");
        var result = await OpenLoad.RunAsync(context, _rate, _ramp, _steady, _warmup, cancellationToken).ConfigureAwait(false);
        var steady = result.Steps.Single(s => s.Name == "steady");
        var value = Percentile(steady, _quantile);
        var laggard = steady.Sent + steady.Dropped == 0 ? 1 : (double)(steady.Late + steady.Dropped) / (steady.Sent + steady.Dropped);
        var status = double.IsPositiveInfinity(value) ? GateStatus.Fail
            : steady.Completed < _minSamples || laggard > 0.01 ? GateStatus.Inconclusive
            : threshold.IsMetBy(value) ? GateStatus.Pass : GateStatus.Fail;
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"steady {steady.AchievedRate:0}/s of {_rate:0}/s: p50 {Ms(steady.Percentile(50))}, p95 {Ms(steady.Percentile(95))}, p99 {Ms(steady.Percentile(99))}, max {Ms(steady.Percentile(100))}; {steady.Classes.GetValueOrDefault("error")} errors, {steady.Late} late, {steady.Dropped} dropped, {steady.TransportErrors} transport failures");
        var verdict = status switch
        {
            GateStatus.Inconclusive when steady.Completed < _minSamples => $"only {steady.Completed} answers, at least {_minSamples} needed",
            GateStatus.Inconclusive => string.Create(CultureInfo.InvariantCulture, $"the harness fell behind its schedule ({100 * laggard:0.#}% late or dropped): the figures describe the harness, not the target"),
            _ when double.IsPositiveInfinity(value) => string.Create(CultureInfo.InvariantCulture, $"{name} falls on a request that got no answer ({steady.TransportErrors} of {steady.Completed + steady.TransportErrors}): not met"),
            _ => $"threshold {threshold.Text}: {(status == GateStatus.Pass ? "met" : "not met")}",
        };
        return new GateResult
        {
            Status = status,
            Measured = measured,
            Value = value,
            ValueText = double.IsPositiveInfinity(value) ? "no answer" : Ms((long)(value * 1_000_000)),
            Threshold = threshold.Text,
            SampleSize = (int)steady.Completed,
            Reason = summary + "; " + verdict,
            Charts = OpenLoad.Charts(result),
        };
    }

    /// <summary>
    /// The percentile over every request of the step, requests that got no answer (timed out, reset)
    /// counted as slower than any answer: leaving them out would let a target that stalls look fast.
    /// Seconds; +infinity when the percentile falls on an unanswered request.
    /// </summary>
    public static double Percentile(Scenarios.Results.StepResult steady, double quantile)
    {
        ArgumentNullException.ThrowIfNull(steady);
        var total = steady.Completed + steady.TransportErrors;
        if (total == 0)
        {
            return double.NaN;
        }

        var rank = quantile / 100 * total;
        return rank > steady.Completed ? double.PositiveInfinity : steady.Percentile(100 * rank / steady.Completed) / 1_000_000.0;
    }

    private static string Ms(long micros) => string.Create(CultureInfo.InvariantCulture, $"{micros / 1000.0:0.###}ms");
}
