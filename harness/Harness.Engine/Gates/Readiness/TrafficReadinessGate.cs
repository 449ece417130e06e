using System.Globalization;
using System.Text;
using Harness.Engine.Plans;
using Harness.Engine.Gates.Statistics;
using Harness.Engine.Requests;
using StageContract.Modes;

namespace Harness.Engine.Gates.Readiness;

/// <summary>
/// "Is the traffic itself ready for the next rung?" (contract section 11): classifies every request
/// of a capture of real traffic with the contract (<see cref="CaptureClassifier"/>: validated when the
/// stage decision is reached, unknown with at least one unknown stage, would-reject when the phase's
/// configuration gives it shadow) and measures the share of validated requests that are unknown
/// (<c>unknown-rate</c>) or would-reject (<c>would-reject-rate</c>), judged with a Wilson interval
/// against an upper limit. The capture is replayed against the target and every answer held to the
/// classification (<see cref="CaptureAnswerCheck"/>); a disagreement is evidence and a Fail. Synthetic traffic cannot answer this question (its
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
        var what = _wouldReject ? "that would be rejected (shadow, unknown stage)" : "with an unknown stage";
        var measured = $"share of validated real requests {what}, classified by the contract and replayed (traffic readiness)";
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
        var classifier = new CaptureClassifier(context.Rules, context.Phase.Configuration.ToModeSettings());
        var classes = requests.Select((r, i) => classifier.Classify(r, CaptureClassifier.IsValidRequestId(r.RequestId)
            ? r.RequestId! : string.Create(CultureInfo.InvariantCulture, $"rh{context.Seed}-{context.Spec.Id}-{i}"))).ToList();
        var answers = new ObservedResponse[requests.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, requests.Count),
            new ParallelOptions { MaxDegreeOfParallelism = _concurrency, CancellationToken = cancellationToken },
            async (i, ct) => answers[i] = await ReplayAsync(context.Http, requests[i], classes[i].RequestId, headers, ct).ConfigureAwait(false)).ConfigureAwait(false);

        if (answers.All(a => a.TransportError is not null))
        {
            return GateResult.NotEvaluated(measured, $"target unreachable: no replayed request got an answer ({answers[0].TransportError})", threshold.Text);
        }

        var evidence = new List<Evidence>();
        for (var i = 0; i < requests.Count; i++)
        {
            if (CaptureAnswerCheck.Disagreements(classes[i], answers[i], headers) is { Count: > 0 } problems)
            {
                evidence.Add(new Evidence($"{requests[i].Method} {requests[i].Path} rid={classes[i].RequestId}",
                    classes[i].Expected is { } e ? $"{e.Status} {e.ProblemCode} in {e.Mode.ToWire()} ({e.Reason})" : "no 5xx",
                    $"{answers[i].Status}{(answers[i].ErrorCode is null ? "" : " " + answers[i].ErrorCode)}", string.Join("; ", problems)));
            }
        }

        return Judge(classes, evidence, threshold, measured, what);
    }

    /// <summary>
    /// The rate from the harness's own classification; the target's answers held to the contract.
    /// A disagreement fails the gate whatever the rate: the traffic was not served as the contract says.
    /// </summary>
    private GateResult Judge(List<CaptureClass> classes, List<Evidence> disagreements, Threshold threshold, string measured, string what)
    {
        var validated = classes.Count(c => c.Validated);
        var hits = classes.Count(c => _wouldReject ? c.WouldReject : c.Unknown);
        var rate = validated == 0 ? 0 : (double)hits / validated;
        var interval = Proportions.Wilson(hits, validated, _z);
        var judged = Proportions.BelowLimit(interval, threshold.Value, threshold.Operator == ThresholdOperator.AtMost);
        var status = disagreements.Count > 0 ? GateStatus.Fail : validated < _minSamples ? GateStatus.Inconclusive : judged;
        var text = string.Create(CultureInfo.InvariantCulture, $"{100 * rate:0.###}% ({hits}/{validated})");
        var rateReason = validated < _minSamples
            ? string.Create(CultureInfo.InvariantCulture, $"only {validated} validated requests in the capture, at least {_minSamples} are needed to judge")
            : string.Create(CultureInfo.InvariantCulture,
                $"{hits} of {validated} validated requests (classified by the contract) {what}, {100 * interval.Low:0.###}%..{100 * interval.High:0.###}%; threshold {threshold.Text}: {(judged == GateStatus.Pass ? "met" : judged == GateStatus.Fail ? "not met" : "the interval straddles the threshold, replay more traffic")}");
        return new GateResult
        {
            Status = status,
            Measured = measured,
            Value = rate,
            ValueText = text,
            Threshold = threshold.Text,
            SampleSize = validated,
            Reason = disagreements.Count == 0 ? rateReason
                : string.Create(CultureInfo.InvariantCulture, $"the target answered {disagreements.Count} of {classes.Count} replayed requests otherwise than the contract gives (first: {disagreements[0].Subject}: {disagreements[0].Detail}); {rateReason}"),
            Charts = [new Chart(_wouldReject ? "Replayed requests: would-reject" : "Replayed requests: unknown stages", ["validated"],
                [new ChartSeries("clean", [validated - hits], ChartSeries.Good), new ChartSeries(what, [hits], ChartSeries.Bad)], "requests")],
        }.WithEvidence(disagreements);
    }

    private static async Task<ObservedResponse> ReplayAsync(HttpClient http, CapturedRequest captured, string requestId, StageContract.Data.HeaderNames headers, CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(new HttpMethod(captured.Method), new Uri(captured.Path.TrimStart('/'), UriKind.Relative));
            if (captured.Body is not null)
            {
                request.Content = new StringContent(captured.Body, Encoding.UTF8, "application/json");
            }

            request.Headers.TryAddWithoutValidation(headers.RequestId, requestId);
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            return await ObservedResponse.ReadAsync(response, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            return ObservedResponse.Failed(e.Message);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ObservedResponse.Failed("no answer in time");
        }
    }
}
