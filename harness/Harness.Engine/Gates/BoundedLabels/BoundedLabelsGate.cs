using System.Globalization;
using Harness.Engine.Metrics;
using Harness.Engine.Plans;
using Harness.Engine.Requests;

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
    private static readonly string[] KnownParameters = ["metrics", "allowedValues", "minSeries", "fundId", "companyId", "requests", "otherFamilyGrowth"];
    private readonly LabelPolicy _policy;
    private readonly int _minSeries;
    private readonly TrafficSettings _traffic;
    private readonly int _requests;
    private readonly int _otherFamilyGrowth;

    private BoundedLabelsGate(LabelPolicy policy, int minSeries, TrafficSettings traffic, int requests, int otherFamilyGrowth)
    {
        _policy = policy;
        _minSeries = minSeries;
        _traffic = traffic;
        _requests = requests;
        _otherFamilyGrowth = otherFamilyGrowth;
    }

    /// <summary>
    /// Factory. Parameters: <c>metrics</c> ({family: [labels]}, replaces entries of the contract's),
    /// <c>allowedValues</c> ({label: [values]}: a closed set for that label, replacing its rule),
    /// <c>minSeries</c> (contract-metric series needed to judge; default 1), <c>requests</c> (per round;
    /// default 200), <c>otherFamilyGrowth</c> (values a family outside the contract may gain by chance;
    /// default 2), <c>fundId</c>, <c>companyId</c> (default 1).
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
        if (!p.TryGetInt("requests", 200, 20, 10_000, out var requests, out var e6)) return GateCreation.Invalid(e6);
        if (!p.TryGetInt("otherFamilyGrowth", 2, 0, 1_000, out var growth, out var e7)) return GateCreation.Invalid(e7);
        var policy = LabelPolicy.Default with
        {
            Metrics = Merge(LabelPolicy.Default.Metrics, metrics),
            AllowedValues = Merge(LabelPolicy.Default.AllowedValues, values),
        };
        return GateCreation.Of(new BoundedLabelsGate(policy, min, new TrafficSettings { FundId = fund, CompanyId = company }, requests, growth));
    }

    /// <inheritdoc />
    public async Task<GateResult> EvaluateAsync(GateContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var threshold = context.Spec.Threshold ?? Threshold.Parse("== 0");
        var policy = _policy with { StageRoutes = context.Rules.Endpoints.Routes };
        // A first scrape, so that the scrape itself is already counted (http_requests_total{endpoint="/metrics"}) before round one is measured.
        var (_, error) = await ScrapeAsync(context, cancellationToken).ConfigureAwait(false);
        if (error is not null)
        {
            return GateResult.NotEvaluated(Measured, error, threshold.Text);
        }

        var setup = new List<string>();
        var created = await new StageTraffic(context.Http, _traffic).CreateResourcesAsync(context.Rules, $"rh{context.Seed}-{context.Spec.Id}", setup, cancellationToken).ConfigureAwait(false);
        var rounds = new LabelRounds(context, _traffic, _requests);
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
        Judge(_policy, scrape, scrape, rawValues, threshold);

    /// <summary>Judges the scrapes after round one and round two; public so the rules can be tested on fixed text.</summary>
    public GateResult Judge(PrometheusScrape afterFirst, PrometheusScrape afterSecond, IReadOnlyCollection<string> rawValues, Threshold threshold) =>
        Judge(_policy, afterFirst, afterSecond, rawValues, threshold);

    /// <summary>The gate with the default policy, for tests of <see cref="Judge(PrometheusScrape, IReadOnlyCollection{string}, Threshold)"/>.</summary>
    public static BoundedLabelsGate WithDefaults() => new(LabelPolicy.Default, 1, TrafficSettings.Default, 200, 2);

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

        var violations = policy.Check(afterSecond, rawValues).Concat(LabelGrowth.Between(afterFirst, afterSecond, [.. policy.Metrics.Keys], _otherFamilyGrowth)).ToList();
        var series = afterSecond.Samples.Count(s => policy.Metrics.ContainsKey(s.Family));
        var perFamily = policy.Metrics.Keys.Select(f => (Family: f, Count: afterSecond.Samples.Count(s => s.Family == f))).ToList();
        var chart = new Chart("Series per contract metric", [.. perFamily.Select(f => f.Family)],
            [new ChartSeries("series", [.. perFamily.Select(f => (double)f.Count)])], "series");
        var evidence = violations.Select(v => new Evidence(
            v.Label.Length == 0 ? v.Metric : $"{v.Metric}{{{v.Label}}} (line {v.Line.ToString(CultureInfo.InvariantCulture)})",
            "the contract's families and labels, bounded, never a raw stage value", v.Value.Length == 0 ? "(none)" : v.Value, v.Why)).ToList();
        var count = violations.Count;
        if (series < _minSeries && count == 0)
        {
            return new GateResult
            {
                Status = GateStatus.Inconclusive,
                Measured = Measured,
                Value = 0,
                ValueText = "0",
                Threshold = threshold.Text,
                SampleSize = series,
                Reason = string.Create(CultureInfo.InvariantCulture, $"only {series} series of contract metrics on /metrics, {_minSeries} needed to judge"),
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

    private static async Task<(PrometheusScrape? Scrape, string? Error)> ScrapeAsync(GateContext context, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await context.Http.GetAsync(new Uri("metrics", UriKind.Relative), cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode
                ? (PrometheusText.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)), null)
                : (null, $"GET /metrics answered {(int)response.StatusCode}");
        }
        catch (HttpRequestException e)
        {
            return (null, $"cannot scrape /metrics: {e.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, "cannot scrape /metrics: no answer in time");
        }
    }

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
