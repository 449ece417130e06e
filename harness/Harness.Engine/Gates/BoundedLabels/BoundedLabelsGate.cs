using System.Globalization;
using Harness.Engine.Metrics;
using Harness.Engine.Plans;
using Harness.Engine.Requests;
using StageContract.Normalization;

namespace Harness.Engine.Gates.BoundedLabels;

/// <summary>
/// Bounded metric labels (contract section 9): sends a canary unknown stage to every stage
/// endpoint, scrapes <c>/metrics</c>, and fails when a contract metric has a label it may not
/// have, a label value leaves its allowed set, or any metric's label holds a raw stage value the
/// harness sent. The value is the number of violations.
/// </summary>
public sealed class BoundedLabelsGate : IGate
{
    private const string Measured = "label values on /metrics outside their allowed sets or holding raw stage values";
    private static readonly string[] KnownParameters = ["metrics", "allowedValues", "minSeries", "fundId", "companyId"];
    private readonly LabelPolicy _policy;
    private readonly int _minSeries;
    private readonly TrafficSettings _traffic;

    private BoundedLabelsGate(LabelPolicy policy, int minSeries, TrafficSettings traffic)
    {
        _policy = policy;
        _minSeries = minSeries;
        _traffic = traffic;
    }

    /// <summary>
    /// Factory. Parameters: <c>metrics</c> ({family: [labels]}, replaces entries of the default),
    /// <c>allowedValues</c> ({label: [values]}, replaces entries of the default), <c>minSeries</c>
    /// (contract-metric series needed to judge; default 1), <c>fundId</c>, <c>companyId</c>.
    /// </summary>
    public static GateCreation Create(GateSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var p = spec.Parameters;
        if (GateChecks.UnknownParameter(p, KnownParameters) is { } unknownParameter)
        {
            return GateCreation.Invalid(unknownParameter);
        }

        if (!p.TryGetStringListMap("metrics", out var metrics, out var e1)) return GateCreation.Invalid(e1);
        if (!p.TryGetStringListMap("allowedValues", out var values, out var e2)) return GateCreation.Invalid(e2);
        if (!p.TryGetInt("minSeries", 1, 0, 1_000_000, out var min, out var e3)) return GateCreation.Invalid(e3);
        if (!p.TryGetInt("fundId", 1, 0, int.MaxValue, out var fund, out var e4)) return GateCreation.Invalid(e4);
        if (!p.TryGetInt("companyId", 1, 0, int.MaxValue, out var company, out var e5)) return GateCreation.Invalid(e5);
        var policy = LabelPolicy.Default with
        {
            Metrics = Merge(LabelPolicy.Default.Metrics, metrics),
            AllowedValues = Merge(LabelPolicy.Default.AllowedValues, values),
        };
        return GateCreation.Of(new BoundedLabelsGate(policy, min, new TrafficSettings { FundId = fund, CompanyId = company }));
    }

    /// <inheritdoc />
    public async Task<GateResult> EvaluateAsync(GateContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var threshold = context.Spec.Threshold ?? Threshold.Parse("== 0");
        var canary = string.Create(CultureInfo.InvariantCulture, $"harness-canary-{context.Seed}");
        var traffic = new StageTraffic(context.Http, _traffic);
        var sent = 0;
        foreach (var endpoint in context.Rules.Endpoints.TakingStages.Where(e => !e.NeedsId))
        {
            var request = new StageRequest(endpoint, [RawStage.FromString(canary)], $"rh{context.Seed}-{context.Spec.Id}-{sent}");
            var observed = await traffic.SendAsync(request, ResourceIds.None, cancellationToken).ConfigureAwait(false);
            if (observed?.TransportError is not null)
            {
                return GateResult.NotEvaluated(Measured, $"target unreachable: {observed.TransportError}", threshold.Text);
            }

            sent++;
        }

        string text;
        try
        {
            using var response = await context.Http.GetAsync(new Uri("metrics", UriKind.Relative), cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return GateResult.NotEvaluated(Measured, $"GET /metrics answered {(int)response.StatusCode}", threshold.Text);
            }

            text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            return GateResult.NotEvaluated(Measured, $"cannot scrape /metrics: {e.Message}", threshold.Text);
        }

        return Judge(PrometheusText.Parse(text), [canary], threshold);
    }

    /// <summary>Judges a scrape; public so the rules can be tested on fixed text.</summary>
    public GateResult Judge(PrometheusScrape scrape, IReadOnlyCollection<string> rawValues, Threshold threshold)
    {
        ArgumentNullException.ThrowIfNull(scrape);
        ArgumentNullException.ThrowIfNull(threshold);
        if (scrape.Errors.Count > 0)
        {
            return GateResult.NotEvaluated(Measured, $"cannot parse /metrics: {scrape.Errors[0]}", threshold.Text);
        }

        var series = scrape.Samples.Where(s => _policy.Metrics.ContainsKey(s.Family)).ToList();
        var violations = _policy.Check(scrape, rawValues);
        var count = violations.Count;
        var perFamily = _policy.Metrics.Keys.Select(f => (Family: f, Count: series.Count(s => s.Family == f))).ToList();
        var chart = new Chart("Series per contract metric", [.. perFamily.Select(f => f.Family)],
            [new ChartSeries("series", [.. perFamily.Select(f => (double)f.Count)])], "series");
        var evidence = violations.Select(v => new Evidence($"{v.Metric}{{{v.Label}}} (line {v.Line.ToString(CultureInfo.InvariantCulture)})",
            "a value from the allowed set, never a raw stage value", v.Value, v.Why)).ToList();
        GateResult result;
        if (series.Count < _minSeries && count == 0)
        {
            result = new GateResult
            {
                Status = GateStatus.Inconclusive,
                Measured = Measured,
                Value = 0,
                ValueText = "0",
                Threshold = threshold.Text,
                SampleSize = series.Count,
                Reason = string.Create(CultureInfo.InvariantCulture, $"only {series.Count} series of contract metrics on /metrics, {_minSeries} needed to judge"),
            };
        }
        else
        {
            var pass = threshold.IsMetBy(count);
            result = new GateResult
            {
                Status = pass ? GateStatus.Pass : GateStatus.Fail,
                Measured = Measured,
                Value = count,
                ValueText = count.ToString(CultureInfo.InvariantCulture),
                Threshold = threshold.Text,
                SampleSize = series.Count,
                Reason = count == 0
                    ? string.Create(CultureInfo.InvariantCulture, $"all {series.Count} series of contract metrics keep their labels within the allowed sets")
                    : $"{count} violation(s), first: {violations[0].Metric} label {violations[0].Label}='{violations[0].Value}' {violations[0].Why}",
            };
        }

        return result.WithEvidence(evidence) with { Charts = [chart] };
    }

    /// <summary>The gate with the default policy, for tests of <see cref="Judge"/>.</summary>
    public static BoundedLabelsGate WithDefaults() => new(LabelPolicy.Default, 1, TrafficSettings.Default);

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
