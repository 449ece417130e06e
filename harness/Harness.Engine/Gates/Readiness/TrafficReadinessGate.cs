using System.Globalization;
using System.Text;
using Flurl.Http;
using Harness.Engine.Targets;
using Harness.Engine.Plans;
using Harness.Engine.Gates.Statistics;
using Harness.Engine.Requests;
using StageContract.Modes;
using Harness.Engine.Gates.Kinds;

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
    private readonly TrafficReadinessOptions _options;
    private readonly bool _wouldReject;

    private TrafficReadinessGate(TrafficReadinessOptions options, bool wouldReject)
    {
        _options = options;
        _wouldReject = wouldReject;
    }

    /// <summary>The <c>unknown-rate</c> kind.</summary>
    public static GateKind UnknownRate { get; } = Describe(GateKinds.UnknownRate, wouldReject: false,
        "**traffic readiness**: a capture of real traffic (`--capture <file>` or `parameters.capture`, JSON lines `{\"method\":\"GET\",\"path\":\"/api/...\",\"body\":{...},\"requestId\":\"...\"}`) **classified by the harness** with the contract (any method on the stage endpoints, PUT/PATCH/GET by id included, read with the golden oracle's reading): validated = the stage decision is reached, unknown = at least one unknown stage, would-reject = unknown and the phase's configuration gives it shadow (with the captured request id when it is a valid one, else a seeded one, which is then sent); the share of validated requests that are unknown, with a Wilson interval. The capture is replayed and every answer held to the classification: `X-Stage-Mode`, stage and payload rejections with their exact codes (and none the contract does not give), deprecation and would-reject headers exactly when expected, no 5xx (a 404 for a resource id the target does not hold is not held); any disagreement is evidence and a Fail");

    /// <summary>The <c>would-reject-rate</c> kind.</summary>
    public static GateKind WouldRejectRate { get; } = Describe(GateKinds.WouldRejectRate, wouldReject: true,
        "**traffic readiness**: a capture of real traffic (`--capture <file>` or `parameters.capture`, JSON lines `{\"method\":\"GET\",\"path\":\"/api/...\",\"body\":{...},\"requestId\":\"...\"}`) **classified by the harness** with the contract (any method on the stage endpoints, PUT/PATCH/GET by id included, read with the golden oracle's reading): validated = the stage decision is reached, unknown = at least one unknown stage, would-reject = unknown and the phase's configuration gives it shadow (with the captured request id when it is a valid one, else a seeded one, which is then sent); the share of validated requests that are would-reject, with a Wilson interval. The capture is replayed and every answer held to the classification: `X-Stage-Mode`, stage and payload rejections with their exact codes (and none the contract does not give), deprecation and would-reject headers exactly when expected, no 5xx (a 404 for a resource id the target does not hold is not held); any disagreement is evidence and a Fail");

    private static GateKind Describe(string name, bool wouldReject, string measures) =>
        GateKind.For<TrafficReadinessOptions>(name, measures, ThresholdUnit.Ratio, "< 0.5%", (_, options) => new TrafficReadinessGate(options, wouldReject)) with
        {
            RequiresUpperLimit = true,
            Needs = GateNeeds.Capture,
            InconclusiveWhen = "the interval straddles the threshold or fewer validated requests than minSamples; NotApplicable without a capture against the embedded reference",
        };

    /// <inheritdoc />
    public async Task<GateResult> EvaluateAsync(GateContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var threshold = context.Spec.Threshold!;
        var what = _wouldReject ? "that would be rejected (shadow, unknown stage)" : "with an unknown stage";
        var measured = $"share of validated real requests {what}, classified by the contract and replayed (traffic readiness)";
        var capture = _options.Capture is not null ? Path.Combine(context.BaseDirectory, _options.Capture) : context.CapturePath;
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
            new ParallelOptions { MaxDegreeOfParallelism = _options.Concurrency, CancellationToken = cancellationToken },
            async (i, ct) => answers[i] = await ReplayAsync(context.Client, requests[i], classes[i].RequestId, headers, ct).ConfigureAwait(false)).ConfigureAwait(false);

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
        var interval = Proportions.Wilson(hits, validated, _options.Z);
        var judged = Proportions.BelowLimit(interval, threshold.Value, threshold.Operator == ThresholdOperator.AtMost);
        var status = disagreements.Count > 0 ? GateStatus.Fail : validated < _options.MinSamples ? GateStatus.Inconclusive : judged;
        var text = string.Create(CultureInfo.InvariantCulture, $"{100 * rate:0.###}% ({hits}/{validated})");
        var rateReason = validated < _options.MinSamples
            ? string.Create(CultureInfo.InvariantCulture, $"only {validated} validated requests in the capture, at least {_options.MinSamples} are needed to judge")
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

    private static async Task<ObservedResponse> ReplayAsync(IFlurlClient client, CapturedRequest captured, string requestId, StageContract.Data.HeaderNames headers, CancellationToken cancellationToken)
    {
        try
        {
            using var content = captured.Body is null ? null : new StringContent(captured.Body, Encoding.UTF8, "application/json");
            using var response = await client.Path(captured.Path.TrimStart('/')).WithHeader(headers.RequestId, requestId)
                .SendAsync(new HttpMethod(captured.Method), content, cancellationToken: cancellationToken).ConfigureAwait(false);
            return await ObservedResponse.ReadAsync(response.ResponseMessage, cancellationToken).ConfigureAwait(false);
        }
        catch (FlurlHttpTimeoutException)
        {
            return ObservedResponse.Failed("no answer in time");
        }
        catch (FlurlHttpException e)
        {
            TargetClient.ThrowIfCancelled(e, cancellationToken);
            return ObservedResponse.Failed(TargetClient.Describe(e));
        }
        catch (HttpRequestException e)
        {
            return ObservedResponse.Failed("the answer broke off: " + e.Message);
        }
    }
}
