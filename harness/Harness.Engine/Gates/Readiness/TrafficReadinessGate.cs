using System.Globalization;
using System.Text;
using Harness.Engine.Plans;
using StageContract.Problems;
using Harness.Engine.Gates.Statistics;

namespace Harness.Engine.Gates.Readiness;

/// <summary>
/// "Is the traffic itself ready for the next rung?" (contract section 11): replays a capture of
/// real traffic against the target and measures the share of validated requests with an unknown
/// stage (<c>unknown-rate</c>) or answered as would-reject (<c>would-reject-rate</c>), judged with a
/// Wilson interval against an upper limit. Synthetic traffic cannot answer this question (its
/// unknown share is whatever the mix injected), so without a capture the gate is NotEvaluated
/// (NO-GO) against a team's service. Against the embedded reference, which has no real traffic,
/// the question has no subject and the gate is NotApplicable unless a capture is given. The
/// harness's conformance gates answer the other question.
/// </summary>
public sealed class TrafficReadinessGate : IGate
{
    private static readonly string[] KnownParameters = ["capture", "concurrency", "confidence", "minSamples"];
    private readonly bool _wouldReject;
    private readonly string? _capture;
    private readonly int _concurrency;
    private readonly double _z;
    private readonly int _minSamples;

    private TrafficReadinessGate(bool wouldReject, string? capture, int concurrency, double z, int minSamples)
    {
        _wouldReject = wouldReject;
        _capture = capture;
        _concurrency = concurrency;
        _z = z;
        _minSamples = minSamples;
    }

    /// <summary>Factory for <c>unknown-rate</c>.</summary>
    public static GateCreation CreateUnknownRate(GateSpec spec) => Create(spec, wouldReject: false);

    /// <summary>Factory for <c>would-reject-rate</c>.</summary>
    public static GateCreation CreateWouldRejectRate(GateSpec spec) => Create(spec, wouldReject: true);

    /// <summary>
    /// Parameters: <c>capture</c> (JSON-lines file of requests, relative to the plan; no default),
    /// <c>concurrency</c> (4), <c>confidence</c> 0.95|0.99|0.999 (0.95), <c>minSamples</c> (100).
    /// </summary>
    private static GateCreation Create(GateSpec spec, bool wouldReject)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var p = spec.Parameters;
        if (GateChecks.UnknownParameter(p, KnownParameters) is { } unknownParameter)
        {
            return GateCreation.Invalid(unknownParameter);
        }

        if (GateChecks.UpperLimit(spec, "< 0.5%") is { } notUpperLimit)
        {
            return GateCreation.Invalid(notUpperLimit);
        }

        if (!p.TryGetString("capture", null, out var capture, out var e1)) return GateCreation.Invalid(e1);
        if (!p.TryGetInt("concurrency", 4, 1, 256, out var concurrency, out var e2)) return GateCreation.Invalid(e2);
        if (!p.TryGetChoice("confidence", "0.95", ["0.95", "0.99", "0.999"], out var confidence, out var e3)) return GateCreation.Invalid(e3);
        if (!p.TryGetInt("minSamples", 100, 1, 10_000_000, out var min, out var e4)) return GateCreation.Invalid(e4);
        return GateCreation.Of(new TrafficReadinessGate(wouldReject, capture, concurrency,
            Proportions.Z(double.Parse(confidence, CultureInfo.InvariantCulture))!.Value, min));
    }

    /// <inheritdoc />
    public async Task<GateResult> EvaluateAsync(GateContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var threshold = context.Spec.Threshold!;
        var what = _wouldReject ? "answered as would-reject" : "with an unknown stage";
        var measured = $"share of replayed real requests {what} (traffic readiness)";
        var capture = _capture is not null ? Path.Combine(context.BaseDirectory, _capture) : context.CapturePath;
        if (capture is null && context.TargetKind == "embedded")
        {
            return new GateResult
            {
                Status = GateStatus.NotApplicable,
                Measured = measured,
                Threshold = threshold.Text,
                Reason = "the embedded reference has no real traffic, so there is no traffic to be ready: readiness is a question about your traffic; "
                    + "rehearse against your service with --capture <file> (this phase's conformance gates answered the other question)",
            };
        }

        if (capture is null)
        {
            return GateResult.NotEvaluated(measured,
                "traffic readiness needs replayed real traffic: pass --capture <file> (JSON lines of {method, path, body}) or set parameters.capture; synthetic traffic cannot answer it",
                threshold.Text);
        }

        var (requests, error) = CapturedRequest.Load(capture);
        if (error is not null)
        {
            return GateResult.NotEvaluated(measured, error, threshold.Text);
        }

        var headers = context.Rules.Data.Headers;
        var outcomes = new (bool Validated, bool Hit)?[requests.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, requests.Count),
            new ParallelOptions { MaxDegreeOfParallelism = _concurrency, CancellationToken = cancellationToken },
            async (i, ct) => outcomes[i] = await ReplayAsync(context.Http, requests[i], headers, ct).ConfigureAwait(false)).ConfigureAwait(false);

        var answered = outcomes.Where(o => o is not null).Select(o => o!.Value).ToList();
        if (answered.Count == 0)
        {
            return GateResult.NotEvaluated(measured, "target unreachable: no replayed request got an answer", threshold.Text);
        }

        var validated = answered.Count(o => o.Validated);
        var hits = answered.Count(o => o.Validated && o.Hit);
        var rate = validated == 0 ? 0 : (double)hits / validated;
        var interval = Proportions.Wilson(hits, validated, _z);
        var status = validated < _minSamples ? GateStatus.Inconclusive
            : Proportions.BelowLimit(interval, threshold.Value, threshold.Operator == ThresholdOperator.AtMost);
        var text = string.Create(CultureInfo.InvariantCulture, $"{100 * rate:0.###}% ({hits}/{validated})");
        return new GateResult
        {
            Status = status,
            Measured = measured,
            Value = rate,
            ValueText = text,
            Threshold = threshold.Text,
            SampleSize = validated,
            Reason = validated < _minSamples
                ? string.Create(CultureInfo.InvariantCulture, $"only {validated} validated requests in the capture, at least {_minSamples} are needed to judge")
                : string.Create(CultureInfo.InvariantCulture,
                    $"{hits} of {validated} replayed requests {what}, {100 * interval.Low:0.###}%..{100 * interval.High:0.###}%; threshold {threshold.Text}: {(status == GateStatus.Pass ? "met" : status == GateStatus.Fail ? "not met" : "the interval straddles the threshold, replay more traffic")}"),
            Charts = [new Chart(_wouldReject ? "Replayed requests: would-reject" : "Replayed requests: unknown stages", ["validated"],
                [new ChartSeries("clean", [validated - hits], ChartSeries.Good), new ChartSeries(what, [hits], ChartSeries.Bad)], "requests")],
        };
    }

    private async Task<(bool Validated, bool Hit)?> ReplayAsync(HttpClient http, CapturedRequest captured, StageContract.Data.HeaderNames headers, CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(new HttpMethod(captured.Method), new Uri(captured.Path.TrimStart('/'), UriKind.Relative));
            if (captured.Body is not null)
            {
                request.Content = new StringContent(captured.Body, Encoding.UTF8, "application/json");
            }

            if (captured.RequestId is not null)
            {
                request.Headers.TryAddWithoutValidation(headers.RequestId, captured.RequestId);
            }

            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var validated = response.Headers.Contains(headers.Mode);
            var wouldReject = response.Headers.TryGetValues(headers.WouldReject, out var w) && w.Contains("true");
            if (_wouldReject)
            {
                return (validated, wouldReject);
            }

            var deprecated = response.Headers.TryGetValues(headers.Deprecation, out var d) && d.Contains("true");
            var body = (int)response.StatusCode is 400 or 422 ? await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false) : "";
            var rejected = body.Contains("\"" + ProblemCodes.InvalidStage, StringComparison.Ordinal) || body.Contains($"\"{ProblemCodes.NoKnownStages}\"", StringComparison.Ordinal);
            return (validated, deprecated || wouldReject || rejected);
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }
}
