using System.Globalization;
using Harness.Engine.Plans;
using Harness.Engine.Gates.Kinds;
using Scenarios.Engine;
using Scenarios.Results;

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
public sealed class LatencyUnderLoadGate : ILoadGate
{
    private readonly LatencyUnderLoadOptions _options;

    private LatencyUnderLoadGate(LatencyUnderLoadOptions options) => _options = options;

    /// <summary>The kind: its options, threshold and needs.</summary>
    public static GateKind Kind { get; } = GateKind.For<LatencyUnderLoadOptions>(GateKinds.LatencyUnderLoad,
        "end-to-end percentile of the steady step of an open-model load of generated traffic (warm-up, ramp 0 to rate, steady; the catalogue's ramp-then-steady shape), each request timed from its scheduled start, unanswered requests counted as slower than any answer; charts of p99 per second and achieved vs target rate",
        ThresholdUnit.Duration, "<= 250ms", (_, options) => new LatencyUnderLoadGate(options)) with
    {
        RequiresUpperLimit = true,
        InconclusiveWhen = "fewer answers than minSamples, or the harness fell behind its schedule (over 1 % late or dropped sends)",
    };

    private double Quantile => double.Parse(_options.Quantile[1..], CultureInfo.InvariantCulture);

    /// <summary>Builds the gate from a spec (<see cref="GateKind.Create"/>).</summary>
    public static GateCreation Create(GateSpec spec) => Kind.Create(spec);

    /// <summary>The ramp-then-steady load of the gate's parameters.</summary>
    public LoadShape Shape => new(_options.Rate, _options.RampSeconds, _options.SteadySeconds, _options.WarmupSeconds);

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
        var name = string.Create(CultureInfo.InvariantCulture, $"p{Quantile:0}");
        var measured = string.Create(CultureInfo.InvariantCulture, $"end-to-end {name} at {_options.Rate:0}/s open-model load of generated traffic, from each request's scheduled start");
        var steady = result.Steps.Single(s => s.Name == "steady");
        var value = Percentile(steady, Quantile);
        var laggard = steady.Sent + steady.Dropped == 0 ? 1 : (double)(steady.Late + steady.Dropped) / (steady.Sent + steady.Dropped);
        var status = double.IsPositiveInfinity(value) ? GateStatus.Fail
            : steady.Completed < _options.MinSamples || laggard > 0.01 ? GateStatus.Inconclusive
            : threshold.IsMetBy(value) ? GateStatus.Pass : GateStatus.Fail;
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"steady {steady.AchievedRate:0}/s of {_options.Rate:0}/s: p50 {Ms(steady.Percentile(50))}, p95 {Ms(steady.Percentile(95))}, p99 {Ms(steady.Percentile(99))}, max {Ms(steady.Percentile(100))}; {OpenLoad.Errors(steady.Classes)} errors{(OpenLoad.Errors(steady.Classes) > 0 ? $" ({OpenLoad.ErrorBreakdown(steady.Classes)})" : "")}, {steady.Late} late, {steady.Dropped} dropped, {steady.TransportErrors} transport failures");
        var verdict = status switch
        {
            GateStatus.Inconclusive when steady.Completed < _options.MinSamples => $"only {steady.Completed} answers, at least {_options.MinSamples} needed",
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
    public static double Percentile(StepResult steady, double quantile)
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
