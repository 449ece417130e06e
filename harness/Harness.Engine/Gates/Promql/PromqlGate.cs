using System.Globalization;
using Harness.Engine.Gates.Kinds;
using Harness.Engine.Observability.Live;
using Harness.Engine.Plans;

namespace Harness.Engine.Gates.Promql;

/// <summary>
/// A PromQL expression evaluated through Prometheus's HTTP API against the threshold: one instant
/// query, or every evaluation over a window ("sustained" means every one of them, not an average).
/// The gate can send generated phase traffic while it judges, after letting the rules' rate window
/// fill with that traffic alone; and it can hold Prometheus's counts of that traffic to the harness's
/// own (the counters' exact increase between before and after, by result, against the contract's
/// result for every answered request), so a scrape that misses an instance or a metric that counts
/// wrongly cannot pass for a quiet service. The expression and every returned series are evidence,
/// and the series are charted.
/// </summary>
public sealed class PromqlGate : IGate
{
    private const string ResultSets = "result";
    private readonly PromqlOptions _options;

    private PromqlGate(PromqlOptions options) => _options = options;

    /// <summary>The kind: its options, threshold and needs.</summary>
    public static GateKind Kind { get; } = GateKind.For<PromqlOptions>(GateKinds.Promql,
        "a PromQL expression through Prometheus's HTTP API (the harness's own Prometheus with the shipped rules, or --prometheus): every evaluation over the window must meet the threshold (window 0: one instant query); optionally with generated phase traffic sent meanwhile, after the rules' rate window filled with it, and Prometheus's counts of that traffic held to the harness's own (agreeWith, within tolerance); no series is NotEvaluated",
        ThresholdUnit.Count, "< 1%", (_, options) => new PromqlGate(options)) with
    {
        AnyUnit = true,
        Needs = GateNeeds.Prometheus,
        CheckOptions = o => string.IsNullOrWhiteSpace(((PromqlOptions)o).Expr) ? "parameters.expr is required (a PromQL expression; $job stands for the target's job)" : null,
    };

    /// <summary>Builds the gate from a spec (<see cref="GateKind.Create"/>).</summary>
    public static GateCreation Create(GateSpec spec) => Kind.Create(spec);

    /// <inheritdoc />
    public async Task<GateResult> EvaluateAsync(GateContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var threshold = context.Spec.Threshold!;
        var monitoring = context.Monitoring!;
        var settings = monitoring.Settings;
        var expression = monitoring.Expand(_options.Expr);
        var measured = _options.Window > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{expression}, every evaluation over {_options.Window:0.###}s")
            : $"{expression}, instant";
        var time = TimeProvider.System; // real time: Prometheus, Alertmanager and the load run on the wall clock whatever clock the rehearsal was given
        var lag = TimeSpan.FromSeconds((2 * settings.ScrapeSeconds) + 1);
        var evidence = new List<Evidence>();
        Counts? before = null;
        Counts? after = null;
        DateTimeOffset judgeStart;
        DateTimeOffset judgeEnd;
        PacedTraffic? traffic = null;
        try
        {
            if (_options.Rate > 0)
            {
                // A scrape after now takes in what earlier gates sent, so "before" holds all of it.
                await ScrapedAfterAsync(monitoring, time.GetUtcNow(), lag, "before the gate's traffic", cancellationToken).ConfigureAwait(false);
                before = await CountsAsync(monitoring, null, cancellationToken).ConfigureAwait(false);
                traffic = await PacedTraffic.StartAsync(context, _options.Rate, _options.UnknownShare, cancellationToken).ConfigureAwait(false);
                var settle = TimeSpan.FromSeconds(settings.RuleWindowSeconds + settings.ScrapeSeconds);
                await Task.Delay(settle, cancellationToken).ConfigureAwait(false);
                judgeStart = time.GetUtcNow();
                await Task.Delay(TimeSpan.FromSeconds(_options.Window), cancellationToken).ConfigureAwait(false);
                judgeEnd = time.GetUtcNow();
                await traffic.DisposeAsync().ConfigureAwait(false);
                await ScrapedAfterAsync(monitoring, time.GetUtcNow(), lag, "after the gate's traffic", cancellationToken).ConfigureAwait(false);
                after = await CountsAsync(monitoring, null, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                judgeEnd = time.GetUtcNow();
                judgeStart = judgeEnd.AddSeconds(-_options.Window);
            }

            var series = _options.Window > 0
                ? await monitoring.Prometheus.QueryRangeAsync(expression, judgeStart, judgeEnd, settings.ScrapeSeconds, cancellationToken).ConfigureAwait(false)
                : await InstantAsync(monitoring, expression, judgeEnd, lag, cancellationToken).ConfigureAwait(false);
            evidence.Add(new Evidence("expression", threshold.Text, expression, string.Create(CultureInfo.InvariantCulture,
                $"{(_options.Window > 0 ? $"range {PrometheusApi.Unix(judgeStart)}..{PrometheusApi.Unix(judgeEnd)} step {settings.ScrapeSeconds:0.###}s" : $"instant at {PrometheusApi.Unix(judgeEnd)}")}; {monitoring.Describe()}")));
            if (traffic is not null)
            {
                evidence.Add(new Evidence("generated traffic", string.Create(CultureInfo.InvariantCulture, $"{_options.Rate:0.#}/s, {100 * _options.UnknownShare:0.###}% with an unknown stage"),
                    string.Create(CultureInfo.InvariantCulture, $"{traffic.Sent} sent, {traffic.Failed} without answer, {traffic.Skipped} skipped (target slower than the rate)"), ""));
            }

            if (series.Count == 0 || series.All(s => s.Points.Count == 0))
            {
                var why = await ScrapeHealthAsync(monitoring, cancellationToken).ConfigureAwait(false);
                return GateResult.NotEvaluated(measured, $"the expression returned no series, so there is nothing to judge ({why})", threshold.Text) with { Evidence = evidence };
            }

            var failing = 0;
            var points = 0;
            double? worst = null;
            foreach (var s in series)
            {
                var bad = s.Points.Count(p => !threshold.IsMetBy(p.Value));
                failing += bad;
                points += s.Points.Count;
                foreach (var p in s.Points)
                {
                    worst = worst is not { } w ? p.Value : Worse(threshold, p.Value, w) ? p.Value : w;
                }

                evidence.Add(new Evidence("series " + s.LabelText, threshold.Text,
                    string.Create(CultureInfo.InvariantCulture, $"{s.Points.Count} evaluations, min {Format(threshold, s.Points.Min(p => p.Value))}, max {Format(threshold, s.Points.Max(p => p.Value))}, last {Format(threshold, s.Points[^1].Value)}"),
                    bad == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $"{bad} evaluations do not meet the threshold")));
            }

            var agreement = Agreement(traffic, before, after, evidence);
            var met = failing == 0;
            var status = met && agreement is null ? GateStatus.Pass : GateStatus.Fail;
            var reason = (met
                    ? string.Create(CultureInfo.InvariantCulture, $"all {points} evaluations of {series.Count} series meet {threshold.Text} (worst {Format(threshold, worst!.Value)})")
                    : string.Create(CultureInfo.InvariantCulture, $"{failing} of {points} evaluations do not meet {threshold.Text} (worst {Format(threshold, worst!.Value)})"))
                + (agreement is null ? "" : "; " + agreement);
            return new GateResult
            {
                Status = status,
                Measured = measured,
                Value = worst,
                ValueText = Format(threshold, worst!.Value),
                Threshold = threshold.Text,
                SampleSize = points,
                Reason = reason,
                Charts = [Chart(expression, series, threshold, judgeStart)],
            }.WithEvidence(evidence);
        }
        catch (PrometheusQueryException e)
        {
            return GateResult.NotEvaluated(measured, e.Message, threshold.Text) with { Evidence = evidence };
        }
        finally
        {
            if (traffic is not null)
            {
                await traffic.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// An instant query; when it has no series yet, asked again for a few evaluation intervals (a rule's first
    /// evaluation, or a scrape a busy machine delayed), at the moment of each asking.
    /// </summary>
    private static async Task<IReadOnlyList<PromSeries>> InstantAsync(Monitoring monitoring, string expression, DateTimeOffset at, TimeSpan patience, CancellationToken cancellationToken)
    {
        var series = await monitoring.Prometheus.QueryAsync(expression, at, cancellationToken).ConfigureAwait(false);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (series.Count == 0 && clock.Elapsed < patience * 2)
        {
            await Task.Delay(250, cancellationToken).ConfigureAwait(false);
            series = await monitoring.Prometheus.QueryAsync(expression, null, cancellationToken).ConfigureAwait(false);
        }

        return series;
    }

    /// <summary>Waits for a successful scrape of every instance after <paramref name="after"/>; a target that is not scraped for long is a query error.</summary>
    private static async Task ScrapedAfterAsync(Monitoring monitoring, DateTimeOffset after, TimeSpan lag, string when, CancellationToken cancellationToken)
    {
        if (!await monitoring.WaitScrapeAfterAsync(after, lag * 5, cancellationToken).ConfigureAwait(false))
        {
            throw new PrometheusQueryException($"Prometheus did not scrape every instance of the target successfully {when} within {(lag * 5).TotalSeconds:0}s ({await ScrapeHealthAsync(monitoring, cancellationToken).ConfigureAwait(false)})");
        }
    }

    /// <summary>Why the target may have no series: the health of its scrape targets.</summary>
    public static async Task<string> ScrapeHealthAsync(Monitoring monitoring, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(monitoring);
        try
        {
            var targets = await monitoring.Prometheus.TargetsAsync(monitoring.Settings.Job, cancellationToken).ConfigureAwait(false);
            return targets.Count == 0
                ? $"Prometheus has no scrape target with job \"{monitoring.Settings.Job}\""
                : string.Join("; ", targets.Select(t => $"{t.Url} is {t.Health}{(t.LastError.Length > 0 ? ": " + t.LastError : "")}"));
        }
        catch (PrometheusQueryException e)
        {
            return e.Message;
        }
    }

    private string? Agreement(PacedTraffic? traffic, Counts? before, Counts? after, List<Evidence> evidence)
    {
        if (_options.AgreeWith == "none" || traffic is null || before is null || after is null)
        {
            return null;
        }

        var results = _options.AgreeWith switch
        {
            "unknown-ratio" => new[] { "pass", "warn", "would_reject", "reject" },
            "would-reject-ratio" => ["would_reject"],
            _ => ["reject"],
        };
        var harness = traffic.AnsweredByResult;
        var harnessTotal = harness.Values.Sum();
        var harnessPart = results.Sum(r => harness.GetValueOrDefault(r));
        var delta = after.Minus(before);
        var promTotal = delta.Values.Sum();
        var promPart = results.Sum(r => delta.GetValueOrDefault(r));
        if (harnessTotal == 0)
        {
            return "no request of the gate's traffic was answered, so nothing can be compared";
        }

        var harnessRatio = (double)harnessPart / harnessTotal;
        var promRatio = promTotal > 0 ? promPart / promTotal : double.NaN;
        var seen = promTotal / harnessTotal;
        evidence.Add(new Evidence($"agreement: {_options.AgreeWith}", string.Create(CultureInfo.InvariantCulture, $"within {100 * _options.Tolerance:0.###} points"),
            string.Create(CultureInfo.InvariantCulture, $"Prometheus {100 * promRatio:0.###}% ({promPart:0}/{promTotal:0} validations counted), harness {100 * harnessRatio:0.###}% ({harnessPart}/{harnessTotal} answered)"),
            "Prometheus: increase of stage_validation_validations_total by result between before and after the traffic; harness: the contract's result for every answered request"));
        if (seen < 1 - _options.Tolerance)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"Prometheus counted {promTotal:0} validations of the {harnessTotal} the gate's traffic caused: it does not see all of it (an instance not scraped, or a counter that misses requests)");
        }

        return double.IsNaN(promRatio) || Math.Abs(promRatio - harnessRatio) > _options.Tolerance
            ? string.Create(CultureInfo.InvariantCulture, $"Prometheus and the harness disagree on the {_options.AgreeWith}: {100 * promRatio:0.###}% against {100 * harnessRatio:0.###}% (tolerance {100 * _options.Tolerance:0.###} points)")
            : null;
    }

    private static async Task<Counts> CountsAsync(Monitoring monitoring, DateTimeOffset? at, CancellationToken cancellationToken)
    {
        var series = await monitoring.Prometheus.QueryAsync(monitoring.Expand($"sum by ({ResultSets}) (stage_validation_validations_total{{job=\"$job\"}})"), at, cancellationToken).ConfigureAwait(false);
        return new Counts(series.ToDictionary(s => s.Labels.GetValueOrDefault(ResultSets, ""), s => s.Points[^1].Value, StringComparer.Ordinal));
    }

    private static bool Worse(Threshold threshold, double candidate, double current) =>
        double.IsNaN(candidate) || (!double.IsNaN(current) && threshold.Operator switch
        {
            ThresholdOperator.LessThan or ThresholdOperator.AtMost => candidate > current,
            ThresholdOperator.GreaterThan or ThresholdOperator.AtLeast => candidate < current,
            _ => Math.Abs(candidate - threshold.Value) > Math.Abs(current - threshold.Value),
        });

    /// <summary>A value in the threshold's unit: a share in %, a time in ms, else as is.</summary>
    public static string Format(Threshold threshold, double value)
    {
        ArgumentNullException.ThrowIfNull(threshold);
        return threshold.Unit switch
        {
            ThresholdUnit.Ratio => string.Create(CultureInfo.InvariantCulture, $"{100 * value:0.####}%"),
            ThresholdUnit.Duration => string.Create(CultureInfo.InvariantCulture, $"{1000 * value:0.###}ms"),
            _ => value.ToString("0.####", CultureInfo.InvariantCulture),
        };
    }

    private static Chart Chart(string expression, IReadOnlyList<PromSeries> series, Threshold threshold, DateTimeOffset start)
    {
        var times = series.SelectMany(s => s.Points.Select(p => p.At)).Distinct().Order().ToList();
        var scale = threshold.Unit switch { ThresholdUnit.Ratio => 100.0, ThresholdUnit.Duration => 1000.0, _ => 1.0 };
        var unit = threshold.Unit switch { ThresholdUnit.Ratio => "%", ThresholdUnit.Duration => "ms", _ => "" };
        var lines = series.Take(6).Select((s, i) =>
        {
            var byTime = s.Points.ToDictionary(p => p.At, p => p.Value);
            return new ChartSeries(series.Count == 1 ? "value" : s.LabelText, [.. times.Select(t => byTime.TryGetValue(t, out var v) ? v * scale : double.NaN)], i == 0 ? ChartSeries.Good : null);
        }).ToList();
        lines.Add(new ChartSeries("threshold " + threshold.Text, [.. times.Select(_ => threshold.Value * scale)], ChartSeries.Bad));
        return new Chart("PromQL: " + expression, [.. times.Select(t => string.Create(CultureInfo.InvariantCulture, $"{(t - start).TotalSeconds:0}s"))], lines, unit);
    }

    private sealed record Counts(IReadOnlyDictionary<string, double> ByResult)
    {
        public Dictionary<string, double> Minus(Counts before) =>
            ByResult.ToDictionary(kv => kv.Key, kv => kv.Value - before.ByResult.GetValueOrDefault(kv.Key), StringComparer.Ordinal);
    }
}
