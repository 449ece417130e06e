using System.Globalization;
using Harness.Engine.Metrics;
using Harness.Engine.Plans;
using Harness.Engine.Gates.Statistics;

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
    private static readonly string[] KnownParameters = ["requests", "concurrency", "confidence"];
    private readonly int? _requests;
    private readonly int _concurrency;
    private readonly double _z;

    private ErrorRateGate(int? requests, int concurrency, double z)
    {
        _requests = requests;
        _concurrency = concurrency;
        _z = z;
    }

    /// <summary>
    /// Factory. Parameters: <c>requests</c> (default: enough for zero errors to pass the threshold, at
    /// least 1,000, at most 20,000), <c>concurrency</c> (default 8), <c>confidence</c> 0.95|0.99|0.999 (default 0.95).
    /// </summary>
    public static GateCreation Create(GateSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var p = spec.Parameters;
        if (GateChecks.UnknownParameter(p, KnownParameters) is { } unknownParameter)
        {
            return GateCreation.Invalid(unknownParameter);
        }

        if (GateChecks.UpperLimit(spec, "< 1%") is { } notUpperLimit)
        {
            return GateCreation.Invalid(notUpperLimit);
        }

        if (!p.TryGetInt("requests", 0, 0, 200_000, out var requests, out var e1)) return GateCreation.Invalid(e1);
        if (!p.TryGetInt("concurrency", 8, 1, 256, out var concurrency, out var e2)) return GateCreation.Invalid(e2);
        if (!p.TryGetChoice("confidence", "0.95", ["0.95", "0.99", "0.999"], out var confidence, out var e3)) return GateCreation.Invalid(e3);
        return GateCreation.Of(new ErrorRateGate(requests == 0 ? null : requests, concurrency,
            Proportions.Z(double.Parse(confidence, CultureInfo.InvariantCulture))!.Value));
    }

    /// <inheritdoc />
    public async Task<GateResult> EvaluateAsync(GateContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var threshold = context.Spec.Threshold!;
        const string Measured = "share of generated requests ending in a 5xx, a transport failure or a status the contract does not give";
        var count = _requests ?? Math.Clamp(Proportions.TrialsToShowBelow(threshold.Value, _z), 1_000, 20_000);
        var before = await ValidationCountersAsync(context.Http, cancellationToken).ConfigureAwait(false);
        var exchanges = await GeneratedTraffic.RunAsync(context, count, _concurrency, cancellationToken).ConfigureAwait(false);
        var after = await ValidationCountersAsync(context.Http, cancellationToken).ConfigureAwait(false);

        var answered = exchanges.Where(e => e.Observed is not null).ToList();
        if (answered.Count > 0 && answered.All(e => e.Observed!.TransportError is not null))
        {
            return GateResult.NotEvaluated(Measured, $"target unreachable: no request got an answer ({answered[0].Observed!.TransportError})", threshold.Text);
        }

        var errors = answered.Where(e => IsError(e)).ToList();
        var interval = Proportions.Wilson(errors.Count, answered.Count, _z);
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

    private string ConfidenceText() => _z switch
    {
        > 3 => "99.9%",
        > 2.5 => "99%",
        _ => "95%",
    };

    private static Chart Chart(int ok, int errors) =>
        new("Requests by outcome", ["requests"],
            [new ChartSeries("as the contract gives", [ok], ChartSeries.Good), new ChartSeries("errors", [errors], ChartSeries.Bad)], "requests");

    private static async Task<(double Validations, double Errors)?> ValidationCountersAsync(HttpClient http, CancellationToken cancellationToken)
    {
        try
        {
            var scrape = PrometheusText.Parse(await http.GetStringAsync(new Uri("metrics", UriKind.Relative), cancellationToken).ConfigureAwait(false));
            return (scrape.Samples.Where(s => s.Name == "stage_validation_validations_total").Sum(s => s.Value),
                scrape.Samples.Where(s => s.Name == "stage_validation_errors_total").Sum(s => s.Value));
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }
}
