using System.Globalization;
using Harness.Engine.Metrics;
using Harness.Engine.Plans;
using Harness.Engine.Gates.Traffic;
using Harness.Engine.Gates.Kinds;

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
    private readonly ValidatorLatencyOptions _options;

    private ValidatorLatencyGate(ValidatorLatencyOptions options) => _options = options;

    /// <summary>The kind: its options, threshold and needs.</summary>
    public static GateKind Kind { get; } = GateKind.For<ValidatorLatencyOptions>(GateKinds.ValidatorLatency,
        "the bucket of stage_validation_duration_seconds (summed over labels, between two scrapes around generated traffic) that holds the percentile; the histogram must have grown by the validations caused",
        ThresholdUnit.Duration, "<= 5ms", (_, options) => new ValidatorLatencyGate(options)) with
    {
        RequiresUpperLimit = true,
        InconclusiveWhen = "fewer validations than minSamples, or the threshold falls inside the bucket",
    };

    private double Quantile => double.Parse(_options.Quantile[1..], CultureInfo.InvariantCulture) / 100;

    /// <summary>Builds the gate from a spec (<see cref="GateKind.Create"/>).</summary>
    public static GateCreation Create(GateSpec spec) => Kind.Create(spec);

    /// <inheritdoc />
    public async Task<GateResult> EvaluateAsync(GateContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var threshold = context.Spec.Threshold!;
        var name = string.Create(CultureInfo.InvariantCulture, $"p{Quantile * 100:0}");
        var measured = $"validator {name} from the {Family} histogram, over generated traffic";
        var before = await ScrapeAsync(context.Client, cancellationToken).ConfigureAwait(false);
        if (before is null)
        {
            return GateResult.NotEvaluated(measured, "the target's /metrics could not be read", threshold.Text);
        }

        var exchanges = await GeneratedTraffic.RunAsync(context, _options.Requests, _options.Concurrency, cancellationToken).ConfigureAwait(false);
        var after = await ScrapeAsync(context.Client, cancellationToken).ConfigureAwait(false);
        if (after is null || after.Count == 0)
        {
            return GateResult.NotEvaluated(measured, $"the target's /metrics has no {Family} histogram", threshold.Text);
        }

        // Every request answered as the contract gives went through the validator once: a histogram
        // that grew by less has left validations out, and its percentile describes only the rest.
        var validations = exchanges.Count(e => e.Observed is { TransportError: null } o && (e.Expected.Status is { } s ? o.Status == s : o.Status is >= 200 and < 300));
        var observed = HistogramPercentile.Between(before, after, Quantile)?.Count ?? 0;
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

        if (HistogramPercentile.Between(before, after, Quantile) is not { } bucket || bucket.Count < _options.MinSamples)
        {
            var seen = HistogramPercentile.Between(before, after, Quantile)?.Count ?? 0;
            return new GateResult
            {
                Status = GateStatus.Inconclusive,
                Measured = measured,
                Threshold = threshold.Text,
                SampleSize = (int)seen,
                Reason = string.Create(CultureInfo.InvariantCulture, $"only {seen} validations observed, at least {_options.MinSamples} are needed to judge"),
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

    private static async Task<SortedDictionary<double, double>?> ScrapeAsync(Flurl.Http.IFlurlClient client, CancellationToken cancellationToken) =>
        (await MetricsScrape.ReadAsync(client, cancellationToken).ConfigureAwait(false)).Scrape is { } scrape ? HistogramPercentile.Buckets(scrape, Family) : null;
}
