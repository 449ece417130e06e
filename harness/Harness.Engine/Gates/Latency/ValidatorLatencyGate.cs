using System.Globalization;
using Harness.Engine.Metrics;
using Harness.Engine.Plans;
using Harness.Engine.Gates.Traffic;

namespace Harness.Engine.Gates.Latency;

/// <summary>
/// Validator p99 from the target's <c>stage_validation_duration_seconds</c> histogram (contract
/// sections 9 and 11): scrape, send generated traffic, scrape again, and take the bucket that holds
/// the 99th percentile of the observations in between. Pass when that bucket's upper bound meets the
/// threshold, Fail when its lower bound already breaks it, Inconclusive when the threshold falls
/// inside the bucket (the histogram cannot tell) or too few validations were observed.
/// </summary>
public sealed class ValidatorLatencyGate : IGate
{
    private const string Family = "stage_validation_duration_seconds";
    private static readonly string[] KnownParameters = ["requests", "concurrency", "minSamples", "quantile"];
    private readonly int _requests;
    private readonly int _concurrency;
    private readonly int _minSamples;
    private readonly double _quantile;

    private ValidatorLatencyGate(int requests, int concurrency, int minSamples, double quantile)
    {
        _requests = requests;
        _concurrency = concurrency;
        _minSamples = minSamples;
        _quantile = quantile;
    }

    /// <summary>
    /// Factory. Parameters: <c>requests</c> (default 3,000: a p99 over 3,000 validations is not moved by the odd thread preempted mid-validation on a busy machine), <c>concurrency</c> (default 4),
    /// <c>minSamples</c> (default 200 validations), <c>quantile</c> p50|p90|p95|p99 (default p99).
    /// </summary>
    public static GateCreation Create(GateSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var p = spec.Parameters;
        if (GateChecks.UnknownParameter(p, KnownParameters) is { } unknownParameter)
        {
            return GateCreation.Invalid(unknownParameter);
        }

        if (GateChecks.UpperLimit(spec, "<= 5ms") is { } notUpperLimit)
        {
            return GateCreation.Invalid(notUpperLimit);
        }

        if (!p.TryGetInt("requests", 3_000, 1, 200_000, out var requests, out var e1)) return GateCreation.Invalid(e1);
        if (!p.TryGetInt("concurrency", 4, 1, 256, out var concurrency, out var e2)) return GateCreation.Invalid(e2);
        if (!p.TryGetInt("minSamples", 200, 1, 1_000_000, out var min, out var e3)) return GateCreation.Invalid(e3);
        if (!p.TryGetChoice("quantile", "p99", ["p50", "p90", "p95", "p99"], out var q, out var e4)) return GateCreation.Invalid(e4);
        return GateCreation.Of(new ValidatorLatencyGate(requests, concurrency, min,
            double.Parse(q[1..], CultureInfo.InvariantCulture) / 100));
    }

    /// <inheritdoc />
    public async Task<GateResult> EvaluateAsync(GateContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var threshold = context.Spec.Threshold!;
        var name = string.Create(CultureInfo.InvariantCulture, $"p{_quantile * 100:0}");
        var measured = $"validator {name} from the {Family} histogram, over generated traffic";
        var before = await ScrapeAsync(context.Http, cancellationToken).ConfigureAwait(false);
        if (before is null)
        {
            return GateResult.NotEvaluated(measured, "the target's /metrics could not be read", threshold.Text);
        }

        var exchanges = await GeneratedTraffic.RunAsync(context, _requests, _concurrency, cancellationToken).ConfigureAwait(false);
        var after = await ScrapeAsync(context.Http, cancellationToken).ConfigureAwait(false);
        if (after is null || after.Count == 0)
        {
            return GateResult.NotEvaluated(measured, $"the target's /metrics has no {Family} histogram", threshold.Text);
        }

        // Every request answered as the contract gives went through the validator once: a histogram
        // that grew by less has left validations out, and its percentile describes only the rest.
        var validations = exchanges.Count(e => e.Observed is { TransportError: null } o && (e.Expected.Status is { } s ? o.Status == s : o.Status is >= 200 and < 300));
        var observed = HistogramPercentile.Between(before, after, _quantile)?.Count ?? 0;
        if (observed < validations)
        {
            return new GateResult
            {
                Status = GateStatus.Fail,
                Measured = measured,
                Value = observed,
                ValueText = observed.ToString(CultureInfo.InvariantCulture),
                Threshold = threshold.Text,
                SampleSize = validations,
                Reason = string.Create(CultureInfo.InvariantCulture,
                    $"the {Family} histogram grew by {observed} observations for {validations} validations the harness caused: validations go unrecorded (one /metrics behind a load balancer shows one instance only; rehearse one instance)"),
                Charts = [Chart(before, after)],
            };
        }

        if (HistogramPercentile.Between(before, after, _quantile) is not { } bucket || bucket.Count < _minSamples)
        {
            var seen = HistogramPercentile.Between(before, after, _quantile)?.Count ?? 0;
            return new GateResult
            {
                Status = GateStatus.Inconclusive,
                Measured = measured,
                Threshold = threshold.Text,
                SampleSize = (int)seen,
                Reason = string.Create(CultureInfo.InvariantCulture, $"only {seen} validations observed, at least {_minSamples} are needed to judge"),
            };
        }

        var status = Judge(bucket.Low, bucket.High, threshold);
        var text = $"{Duration(bucket.Low)}..{Duration(bucket.High)}";
        return new GateResult
        {
            Status = status,
            Measured = measured,
            Value = bucket.High,
            ValueText = text,
            Threshold = threshold.Text,
            SampleSize = (int)bucket.Count,
            Reason = $"{name} of {bucket.Count} validations lies in the bucket {text}; threshold {threshold.Text}: "
                + status switch
                {
                    GateStatus.Pass => "met",
                    GateStatus.Fail => "not met",
                    _ => "the threshold falls inside that bucket, the histogram cannot tell",
                },
            Charts = [Chart(before, after)],
        };
    }

    /// <summary>Pass when the whole bucket meets the upper limit, Fail when none of it does, else Inconclusive.</summary>
    public static GateStatus Judge(double low, double high, Threshold threshold)
    {
        ArgumentNullException.ThrowIfNull(threshold);
        var inclusive = threshold.Operator == ThresholdOperator.AtMost;
        return (inclusive ? high <= threshold.Value : high < threshold.Value) ? GateStatus.Pass
            : (inclusive ? low > threshold.Value : low >= threshold.Value) ? GateStatus.Fail
            : GateStatus.Inconclusive;
    }

    private static string Duration(double seconds) => double.IsPositiveInfinity(seconds)
        ? "+Inf"
        : seconds >= 0.001
            ? string.Create(CultureInfo.InvariantCulture, $"{seconds * 1000:0.###}ms")
            : string.Create(CultureInfo.InvariantCulture, $"{seconds * 1_000_000:0.#}us");

    private static Chart Chart(SortedDictionary<double, double> before, SortedDictionary<double, double> after)
    {
        var bounds = after.Keys.ToList();
        var perBucket = new List<double>();
        var previous = 0.0;
        foreach (var bound in bounds)
        {
            var cumulative = after[bound] - before.GetValueOrDefault(bound);
            perBucket.Add(cumulative - previous);
            previous = cumulative;
        }

        return new Chart("Validations by duration bucket (upper bound)", [.. bounds.Select(Duration)], [new ChartSeries("validations", perBucket)], "validations");
    }

    private static async Task<SortedDictionary<double, double>?> ScrapeAsync(HttpClient http, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(new Uri("metrics", UriKind.Relative), cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            return HistogramPercentile.Buckets(PrometheusText.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)), Family);
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }
}
