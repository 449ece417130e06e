using System.Globalization;
using Harness.Engine.Metrics;
using Harness.Engine.Plans;
using Harness.Engine.Requests;
using Harness.Engine.Gates.Kinds;

namespace Harness.Engine.Gates.BoundedLabels;

/// <summary>
/// Bounded metric labels (contract section 9), judged by the contract and by behaviour: scrapes
/// <c>/metrics</c>, sends a round of requests with distinct raw unknown stage values (and distinct
/// resource and fund ids in paths) to every stage endpoint, scrapes, sends a second round of the same
/// shapes with fresh values and ids, and scrapes again. It fails when a contract family is missing,
/// a label breaks the contract's rules (<see cref="LabelPolicy"/>), a label of any family gained
/// values in round two (<see cref="LabelGrowth"/>), or any label holds a raw stage value the harness
/// sent. The value is the number of violations.
/// </summary>
public sealed class BoundedLabelsGate : IGate
{
    private const string Measured = "metric families missing, label values breaking the contract, labels that grew with fresh request data, and raw stage values in labels";
    private readonly BoundedLabelsOptions _options;

    private BoundedLabelsGate(BoundedLabelsOptions options) => _options = options;

    /// <summary>The kind: its options, threshold and needs.</summary>
    public static GateKind Kind { get; } = GateKind.For<BoundedLabelsOptions>(GateKinds.BoundedLabels,
        "violations of contract section 9, judged by the contract and by behaviour: scrape, a round of requests to every stage endpoint each with its own raw unknown value (every other `{id}` and companies request with its own resource or fund id), scrape, a second round of the same shapes with fresh values and ids in the same enforcement buckets, scrape. Counted: a contract family missing (a `# TYPE` line is enough, except `stage_validation_validations_total`, `stage_validation_mode` and `http_requests_total`, which the requests must have counted in); a label a family may not have or lacks; a value outside a closed set (`mode`, `input_type`, `cardinality`, `result`, `status_class`); an open value of the wrong shape (a stage family's `endpoint` that spells no contract route in any framework's spelling, any `endpoint` that is a request path, an `error_code` neither a contract code nor an UPPER_SNAKE token, a `method` that is not a token, an `operation` that is not a short name); a label that gained values in round two (any family of the contract; more than `otherFamilyGrowth` values elsewhere); a raw stage value in any label of any family",
        ThresholdUnit.Count, "== 0", (_, options) => new BoundedLabelsGate(options)) with
    {
        DefaultThreshold = "== 0",
        InconclusiveWhen = "fewer contract series than minSeries",
    };

    /// <summary>Builds the gate from a spec (<see cref="GateKind.Create"/>).</summary>
    public static GateCreation Create(GateSpec spec) => Kind.Create(spec);

    private TrafficSettings Traffic => new() { FundId = _options.FundId, CompanyId = _options.CompanyId };

    private LabelPolicy Policy => LabelPolicy.Default with
    {
        Metrics = Merge(LabelPolicy.Default.Metrics, _options.Metrics),
        AllowedValues = Merge(LabelPolicy.Default.AllowedValues, _options.AllowedValues),
    };

    /// <inheritdoc />
    public async Task<GateResult> EvaluateAsync(GateContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var threshold = context.Spec.Threshold ?? Threshold.Parse("== 0");
        var policy = Policy with { StageRoutes = context.Rules.Endpoints.Routes };
        // A first scrape, so that the scrape itself is already counted (http_requests_total{endpoint="/metrics"}) before round one is measured.
        var (_, error) = await ScrapeAsync(context, cancellationToken).ConfigureAwait(false);
        if (error is not null)
        {
            return GateResult.NotEvaluated(Measured, error, threshold.Text);
        }

        var setup = new List<string>();
        var created = await new StageTraffic(context.Client, Traffic).CreateResourcesAsync(context.Rules, $"rh{context.Seed}-{context.Spec.Id}", setup, cancellationToken).ConfigureAwait(false);
        var rounds = new LabelRounds(context, Traffic, _options.Requests);
        var (first, error1) = await RoundAsync(context, rounds, 1, created, cancellationToken).ConfigureAwait(false);
        var (second, error2) = error1 is null ? await RoundAsync(context, rounds, 2, created, cancellationToken).ConfigureAwait(false) : (null, null);
        if ((error1 ?? error2) is { } failed)
        {
            return GateResult.NotEvaluated(Measured, failed, threshold.Text);
        }

        var result = Judge(policy, first!, second!, rounds.RawValues, threshold);
        return setup.Count == 0 ? result : result with { Reason = $"{result.Reason}; fixtures not created: {string.Join("; ", setup)}" };
    }

    /// <summary>Judges one scrape alone (no growth); public so the rules can be tested on fixed text.</summary>
    public GateResult Judge(PrometheusScrape scrape, IReadOnlyCollection<string> rawValues, Threshold threshold) =>
        Judge(Policy, scrape, scrape, rawValues, threshold);

    /// <summary>Judges the scrapes after round one and round two; public so the rules can be tested on fixed text.</summary>
    public GateResult Judge(PrometheusScrape afterFirst, PrometheusScrape afterSecond, IReadOnlyCollection<string> rawValues, Threshold threshold) =>
        Judge(Policy, afterFirst, afterSecond, rawValues, threshold);

    /// <summary>The gate with the default policy, for tests of <see cref="Judge(PrometheusScrape, IReadOnlyCollection{string}, Threshold)"/>.</summary>
    public static BoundedLabelsGate WithDefaults() => new(new BoundedLabelsOptions());

    private GateResult Judge(LabelPolicy policy, PrometheusScrape afterFirst, PrometheusScrape afterSecond, IReadOnlyCollection<string> rawValues, Threshold threshold)
    {
        ArgumentNullException.ThrowIfNull(afterFirst);
        ArgumentNullException.ThrowIfNull(afterSecond);
        ArgumentNullException.ThrowIfNull(rawValues);
        ArgumentNullException.ThrowIfNull(threshold);
        if (afterFirst.Errors.Concat(afterSecond.Errors).FirstOrDefault() is { } parseError)
        {
            return GateResult.NotEvaluated(Measured, $"cannot parse /metrics: {parseError}", threshold.Text);
        }

        var violations = policy.Check(afterSecond, rawValues).Concat(LabelGrowth.Between(afterFirst, afterSecond, [.. policy.Metrics.Keys], _options.OtherFamilyGrowth)).ToList();
        var series = afterSecond.Samples.Count(s => policy.Metrics.ContainsKey(s.Family));
        var perFamily = policy.Metrics.Keys.Select(f => (Family: f, Count: afterSecond.Samples.Count(s => s.Family == f))).ToList();
        var chart = new Chart("Series per contract metric", [.. perFamily.Select(f => f.Family)],
            [new ChartSeries("series", [.. perFamily.Select(f => (double)f.Count)])], "series");
        var evidence = violations.Select(v => new Evidence(
            v.Label.Length == 0 ? v.Metric : $"{v.Metric}{{{v.Label}}} (line {v.Line.ToString(CultureInfo.InvariantCulture)})",
            "the contract's families and labels, bounded, never a raw stage value", v.Value.Length == 0 ? "(none)" : v.Value, v.Why)).ToList();
        var count = violations.Count;
        if (series < _options.MinSeries && count == 0)
        {
            return new GateResult
            {
                Status = GateStatus.Inconclusive,
                Measured = Measured,
                Value = 0,
                ValueText = "0",
                Threshold = threshold.Text,
                SampleSize = series,
                Reason = string.Create(CultureInfo.InvariantCulture, $"only {series} series of contract metrics on /metrics, {_options.MinSeries} needed to judge"),
                Charts = [chart],
            };
        }

        var first = count == 0 ? null : violations[0];
        return new GateResult
        {
            Status = threshold.IsMetBy(count) ? GateStatus.Pass : GateStatus.Fail,
            Measured = Measured,
            Value = count,
            ValueText = count.ToString(CultureInfo.InvariantCulture),
            Threshold = threshold.Text,
            SampleSize = series,
            Reason = first is null
                ? string.Create(CultureInfo.InvariantCulture, $"the contract's {policy.Metrics.Count} families are there; all {series} of their series keep their labels by the contract, and no label grew with {rawValues.Count} fresh raw values")
                : $"{count} violation(s), first: {first.Metric}{(first.Label.Length == 0 ? "" : $" label {first.Label}='{first.Value}'")} {first.Why}",
            Charts = [chart],
        }.WithEvidence(evidence);
    }

    private static async Task<(PrometheusScrape? Scrape, string? Error)> RoundAsync(GateContext context, LabelRounds rounds, int round, ResourceIds created, CancellationToken cancellationToken) =>
        await rounds.SendAsync(round, created, cancellationToken).ConfigureAwait(false) is { } unanswered
            ? (null, $"target unreachable: {unanswered}")
            : await ScrapeAsync(context, cancellationToken).ConfigureAwait(false);

    private static Task<(PrometheusScrape? Scrape, string? Error)> ScrapeAsync(GateContext context, CancellationToken cancellationToken) =>
        MetricsScrape.ReadAsync(context.Client, cancellationToken);

    private static SortedDictionary<string, IReadOnlyList<string>> Merge(
        IReadOnlyDictionary<string, IReadOnlyList<string>> defaults, IReadOnlyDictionary<string, IReadOnlyList<string>>? overrides)
    {
        var merged = new SortedDictionary<string, IReadOnlyList<string>>(defaults.ToDictionary(), StringComparer.Ordinal);
        foreach (var (key, value) in overrides ?? new Dictionary<string, IReadOnlyList<string>>())
        {
            merged[key] = value;
        }

        return merged;
    }
}
