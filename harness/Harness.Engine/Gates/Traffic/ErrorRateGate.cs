using System.Globalization;
using Harness.Engine.Metrics;
using Harness.Engine.Plans;
using Harness.Engine.Gates.Statistics;
using Harness.Engine.Gates.Kinds;

namespace Harness.Engine.Gates.Traffic;

/// <summary>
/// The error rate of contract section 11: the share of requests that ended in a 5xx, a transport
/// failure, or a status the contract does not give for that request (expected enforce rejects are
/// not errors). Judged with a Wilson interval: Pass only when the whole interval is below the
/// threshold, Fail when it is wholly above, Inconclusive when too few requests were sent to tell.
/// The seeds' validation error ratio (errors_total / validations_total from /metrics) is reported beside it.
/// </summary>
public sealed class ErrorRateGate : IGate
{
    private readonly ErrorRateOptions _options;

    private ErrorRateGate(ErrorRateOptions options) => _options = options;

    /// <summary>The kind: its options, threshold and needs.</summary>
    public static GateKind Kind { get; } = GateKind.For<ErrorRateOptions>(GateKinds.ErrorRate,
        "share of seeded generated requests (all endpoints, concurrent) ending in a 5xx, a transport failure or a status the contract does not give (expected enforce rejects are not errors); the validation error ratio from /metrics beside it",
        ThresholdUnit.Ratio, "< 1%", (_, options) => new ErrorRateGate(options)) with
    {
        RequiresUpperLimit = true,
        InconclusiveWhen = "the Wilson interval straddles the threshold",
    };

    /// <summary>Builds the gate from a spec (<see cref="GateKind.Create"/>).</summary>
    public static GateCreation Create(GateSpec spec) => Kind.Create(spec);

    /// <inheritdoc />
    public async Task<GateResult> EvaluateAsync(GateContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var threshold = context.Spec.Threshold!;
        const string Measured = "share of generated requests ending in a 5xx, a transport failure or a status the contract does not give";
        var count = _options.Requests > 0 ? _options.Requests : Math.Clamp(Proportions.TrialsToShowBelow(threshold.Value, _options.Z), 1_000, 20_000);
        var before = await ValidationCountersAsync(context.Client, cancellationToken).ConfigureAwait(false);
        var exchanges = await GeneratedTraffic.RunAsync(context, count, _options.Concurrency, cancellationToken).ConfigureAwait(false);
        var after = await ValidationCountersAsync(context.Client, cancellationToken).ConfigureAwait(false);

        var answered = exchanges.Where(e => e.Observed is not null).ToList();
        if (answered.Count > 0 && answered.All(e => e.Observed!.TransportError is not null))
        {
            return GateResult.NotEvaluated(Measured, $"target unreachable: no request got an answer ({answered[0].Observed!.TransportError})", threshold.Text);
        }

        var errors = answered.Where(e => IsError(e)).ToList();
        var interval = Proportions.Wilson(errors.Count, answered.Count, _options.Z);
        var status = Proportions.BelowLimit(interval, threshold.Value, threshold.Operator == ThresholdOperator.AtMost);
        var rate = answered.Count == 0 ? 0 : (double)errors.Count / answered.Count;
        var ratio = after is { } a && before is { } b && a.Validations > b.Validations
            ? string.Create(CultureInfo.InvariantCulture, $"{(a.Errors - b.Errors) / (a.Validations - b.Validations):0.####}")
            : "n/a (no /metrics counters)";
        var text = string.Create(CultureInfo.InvariantCulture, $"{100 * rate:0.###}% ({errors.Count}/{answered.Count})");
        var reason = string.Create(CultureInfo.InvariantCulture,
            $"{errors.Count} errors in {answered.Count} requests, {100 * interval.Low:0.###}%..{100 * interval.High:0.###}% at {ConfidenceText()}; threshold {threshold.Text}: ")
            + status switch
            {
                GateStatus.Pass => "met",
                GateStatus.Fail => "not met",
                _ => "the interval straddles the threshold, send more requests",
            }
            + $"; validation error ratio (errors_total/validations_total, expected rejects included) {ratio}";
        return new GateResult
        {
            Status = status,
            Measured = Measured,
            Value = rate,
            ValueText = text,
            Threshold = threshold.Text,
            SampleSize = answered.Count,
            Reason = reason,
            Charts = [Chart(answered.Count - errors.Count, errors.Count)],
        }.WithEvidence([.. errors.Select(e => new Evidence(e.Request.ToString(), e.Expected.StatusText,
            e.Observed!.TransportError ?? e.Observed.Status.ToString(CultureInfo.InvariantCulture), "error"))]);
    }

    /// <summary>True for a 5xx, a transport failure, or a status other than the contract's.</summary>
    public static bool IsError(GeneratedTraffic.Exchange exchange)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        var observed = exchange.Observed!;
        return observed.TransportError is not null
            || observed.Status >= 500
            || (exchange.Expected.Status is { } expected ? observed.Status != expected : observed.Status is < 200 or >= 300);
    }

    private string ConfidenceText() => _options.Z switch
    {
        > 3 => "99.9%",
        > 2.5 => "99%",
        _ => "95%",
    };

    private static Chart Chart(int ok, int errors) =>
        new("Requests by outcome", ["requests"],
            [new ChartSeries("as the contract gives", [ok], ChartSeries.Good), new ChartSeries("errors", [errors], ChartSeries.Bad)], "requests");

    private static async Task<(double Validations, double Errors)?> ValidationCountersAsync(Flurl.Http.IFlurlClient client, CancellationToken cancellationToken) =>
        (await MetricsScrape.ReadAsync(client, cancellationToken).ConfigureAwait(false)).Scrape is { } scrape
            ? (scrape.Samples.Where(s => s.Name == "stage_validation_validations_total").Sum(s => s.Value),
                scrape.Samples.Where(s => s.Name == "stage_validation_errors_total").Sum(s => s.Value))
            : null;
}
