using System.Globalization;
using Harness.Engine.Plans;
using StageContract.Outcomes;
using StageContract.Problems;
using Harness.Engine.Gates.Statistics;
using Harness.Engine.Gates.Kinds;

namespace Harness.Engine.Gates.Traffic;

/// <summary>
/// Shadow conformance at a rate (contract section 11, the first of its two questions): generated
/// traffic injects a known share of requests with unknown stages; the share answered with
/// <c>X-Stage-Would-Reject: true</c> must match the injected share within a Wilson interval, with
/// no would-reject header on a request without an unknown stage and no stage rejection at all.
/// Whether real traffic is ready is the other question (<c>would-reject-rate</c> over a capture).
/// </summary>
public sealed class WouldRejectConformanceGate : IGate
{
    private readonly WouldRejectConformanceOptions _options;

    private WouldRejectConformanceGate(WouldRejectConformanceOptions options) => _options = options;

    /// <summary>The kind: its options, threshold and needs.</summary>
    public static GateKind Kind { get; } = GateKind.For<WouldRejectConformanceOptions>(GateKinds.WouldRejectConformance,
        "shadow at a rate: among generated requests, the share answered X-Stage-Would-Reject: true against the share the contract flags; every request flagged exactly when expected, on the status the contract gives, none stage-rejected; chart per endpoint",
        ThresholdUnit.Ratio, ">= 0%", (_, options) => new WouldRejectConformanceGate(options)) with
    {
        ThresholdNote = "the flagged share inside the Wilson interval",
        InconclusiveWhen = "fewer answers than minSamples",
    };

    /// <summary>Builds the gate from a spec (<see cref="GateKind.Create"/>).</summary>
    public static GateCreation Create(GateSpec spec) => Kind.Create(spec);

    /// <summary>
    /// A request the contract expects to be flagged: its stages were classified would-reject and it
    /// was served, or answered 422 NO_KNOWN_STAGES after classification (the flag is true there too:
    /// enforce would reject it). Payload errors stop before the stage decision and carry no flag.
    /// </summary>
    private static bool Injected(GeneratedTraffic.Exchange e) =>
        e.Expected.Result == ValidationResult.WouldReject && e.Expected.Status is null or 422;

    private static bool StatusAsGiven(GeneratedTraffic.Exchange e) =>
        e.Expected.Status is { } status ? e.Observed!.Status == status : e.Observed!.Status is >= 200 and < 300;

    /// <inheritdoc />
    public async Task<GateResult> EvaluateAsync(GateContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        const string Measured = "share of generated requests answered as would-reject, against the share injected with an unknown stage";
        var header = context.Rules.Data.Headers.WouldReject;
        var exchanges = (await GeneratedTraffic.RunAsync(context, _options.Requests, _options.Concurrency, cancellationToken).ConfigureAwait(false))
            .Where(e => e.Observed is { TransportError: null }).ToList();
        if (exchanges.Count == 0)
        {
            return GateResult.NotEvaluated(Measured, "target unreachable: no request got an answer");
        }

        if (exchanges.Count < _options.MinSamples)
        {
            return new GateResult
            {
                Status = GateStatus.Inconclusive,
                Measured = Measured,
                SampleSize = exchanges.Count,
                Reason = string.Create(CultureInfo.InvariantCulture, $"only {exchanges.Count} of {_options.Requests} requests were answered, at least {_options.MinSamples} are needed to judge"),
            };
        }

        var injected = exchanges.Count(e => Injected(e));
        var flagged = exchanges.Count(e => e.Observed!.Header(header)?.Trim() == "true");
        // A flag on the wrong status counts for nothing: a 5xx with the right header is still a failure.
        var wrong = exchanges.Where(e => (e.Observed!.Header(header)?.Trim() == "true") != Injected(e)
            || !StatusAsGiven(e)
            || StageRejection.IsRejectionCode(e.Observed.ErrorCode)).ToList();
        var n = exchanges.Count;
        var expectedShare = (double)injected / n;
        var interval = Proportions.Wilson(flagged, n, _options.Z);
        var within = expectedShare >= interval.Low - 1e-12 && expectedShare <= interval.High + 1e-12;
        var text = string.Create(CultureInfo.InvariantCulture, $"{100.0 * flagged / n:0.##}% ({flagged}/{n})");
        var byEndpoint = exchanges.GroupBy(e => e.Request.Endpoint.ToString()).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        return new GateResult
        {
            Status = within && wrong.Count == 0 ? GateStatus.Pass : GateStatus.Fail,
            Measured = Measured,
            Value = (double)flagged / n,
            ValueText = text,
            Threshold = string.Create(CultureInfo.InvariantCulture, $"injected {100 * expectedShare:0.##}% inside the {_options.Confidence.ToString(CultureInfo.InvariantCulture)} Wilson interval"),
            SampleSize = n,
            Reason = string.Create(CultureInfo.InvariantCulture,
                $"would-reject {text}, Wilson {100 * interval.Low:0.##}%..{100 * interval.High:0.##}% at {_options.Confidence.ToString(CultureInfo.InvariantCulture)}; injected {100 * expectedShare:0.##}% ({injected}): {(within ? "inside" : "outside")}; {wrong.Count} requests flagged wrongly or rejected"),
            Charts =
            [
                new Chart("Would-reject rate per endpoint (%)", [.. byEndpoint.Select(g => g.Key)],
                [
                    new ChartSeries("injected", [.. byEndpoint.Select(g => 100.0 * g.Count(e => Injected(e)) / g.Count())]),
                    new ChartSeries("observed", [.. byEndpoint.Select(g => 100.0 * g.Count(e => e.Observed!.Header(header)?.Trim() == "true") / g.Count())], ChartSeries.Good),
                ], "% of requests"),
            ],
        }.WithEvidence([.. wrong.Select(e => new Evidence(e.Request.ToString(), e.Expected.Result.ToLabel(),
            $"{e.Observed!.Status} {header}={e.Observed.Header(header) ?? "(none)"}", StatusAsGiven(e) ? "would-reject flag differs from the injected unknown stage" : $"status {e.Observed!.Status}, the contract gives {e.Expected.StatusText}"))]);
    }
}
