using Harness.Engine.Plans;
using System.Globalization;
using Flurl.Http;
using Harness.Engine.Targets;
using StageContract.Modes;
using Harness.Engine.Gates.Statistics;
using Harness.Engine.Gates.Kinds;

namespace Harness.Engine.Gates.Traffic;

/// <summary>
/// The enforced share of contract section 11: requests with fresh request ids answered with
/// <c>X-Stage-Mode: enforce</c>. Two checks, both required: every answer agrees with the bucket
/// function for its id (section 3), and the observed share lies within the binomial interval of
/// the phase's percent at the given confidence. Reads with a canonical stage are sent, so the
/// share is measured without rejecting anything.
/// </summary>
public sealed class EnforcedShareGate : IGate
{
    private const string Route = "/api/funds/{fundId}/companies";
    private readonly EnforcedShareOptions _options;

    private EnforcedShareGate(EnforcedShareOptions options) => _options = options;

    /// <summary>The kind: its options, threshold and needs.</summary>
    public static GateKind Kind { get; } = GateKind.For<EnforcedShareOptions>(GateKinds.EnforcedShare,
        "share of fresh request ids answered with X-Stage-Mode: enforce (canonical reads): every answer served and agreeing with the bucket function, the share inside the binomial interval of the phase's percent",
        ThresholdUnit.Ratio, ">= 0%", (_, options) => new EnforcedShareGate(options)) with
    {
        ThresholdNote = "the binomial interval of the phase's percent",
        InconclusiveWhen = "fewer answers than minSamples",
    };

    /// <summary>Builds the gate from a spec (<see cref="GateKind.Create"/>).</summary>
    public static GateCreation Create(GateSpec spec) => Kind.Create(spec);

    /// <inheritdoc />
    public async Task<GateResult> EvaluateAsync(GateContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = context.Phase.Configuration.ToModeSettings();
        var percent = Math.Clamp(settings.EnforcementPercent, 0, 100);
        var z = Proportions.Z(_options.Confidence)!.Value;
        var measured = $"share of fresh request ids answered in enforce (GET {Route}), against {percent}% at {ConfidenceText}";
        var random = context.RandomFor();
        var ids = Enumerable.Range(0, _options.Requests).Select(i => $"rh{context.Seed}-share-{i}-{random.Next():x8}").ToList();
        var modes = new string?[_options.Requests];
        var statuses = new int[_options.Requests];
        var path = $"api/funds/{_options.FundId}/companies?stage=seed";
        var header = context.Rules.Data.Headers.Mode;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, _options.Requests),
            new ParallelOptions { MaxDegreeOfParallelism = _options.Concurrency, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                try
                {
                    using var response = await context.Client.Path(path).WithHeader(context.Rules.Data.Headers.RequestId, ids[i])
                        .GetAsync(cancellationToken: ct).ConfigureAwait(false);
                    modes[i] = response.ResponseMessage.Headers.TryGetValues(header, out var values) ? values.First() : "(none)";
                    statuses[i] = response.StatusCode;
                }
                catch (FlurlHttpException e)
                {
                    TargetClient.ThrowIfCancelled(e, ct);
                    modes[i] = null;
                }
            }).ConfigureAwait(false);

        var answered = Enumerable.Range(0, _options.Requests).Where(i => modes[i] is not null).ToList();
        if (answered.Count == 0)
        {
            return GateResult.NotEvaluated(measured, "target unreachable: no request got an answer");
        }

        var mismatches = new List<Evidence>();
        var enforced = 0;
        var expectedEnforced = 0;
        foreach (var i in answered)
        {
            var expected = context.Rules.Decider.Decide(settings, "GET", Route, ids[i]).ToWire();
            enforced += modes[i] == "enforce" ? 1 : 0;
            expectedEnforced += expected == "enforce" ? 1 : 0;
            if (statuses[i] is < 200 or >= 300)
            {
                // A canonical read is served in every mode: any other status is a failure, whatever header came with it.
                mismatches.Add(new Evidence($"GET {path} X-Request-Id: {ids[i]} (bucket {EnforcementBucket.Of(ids[i])})", $"2xx, {expected}",
                    $"{statuses[i]}, {modes[i]}", "a canonical read must be served"));
            }
            else if (modes[i] != expected)
            {
                mismatches.Add(new Evidence($"GET {path} X-Request-Id: {ids[i]} (bucket {EnforcementBucket.Of(ids[i])})", expected, modes[i]!, "mode differs from the bucket function"));
            }
        }

        if (answered.Count < _options.MinSamples && mismatches.Count == 0)
        {
            return new GateResult
            {
                Status = GateStatus.Inconclusive,
                Measured = measured,
                SampleSize = answered.Count,
                Reason = string.Create(CultureInfo.InvariantCulture, $"only {answered.Count} of {_options.Requests} requests were answered, at least {_options.MinSamples} are needed to judge"),
            }.WithEvidence(mismatches);
        }

        var n = answered.Count;
        var share = (double)enforced / n;
        var range = settings.GlobalMode == ValidationMode.Enforce
            ? Proportions.BinomialRange(percent / 100.0, n, z)
            : (0.0, 0.0);
        var within = share >= range.Item1 - 1e-12 && share <= range.Item2 + 1e-12;
        var status = mismatches.Count == 0 && within ? GateStatus.Pass : GateStatus.Fail;
        var shareText = string.Create(CultureInfo.InvariantCulture, $"{100 * share:0.00}% ({enforced}/{n})");
        var rangeText = string.Create(CultureInfo.InvariantCulture, $"{100 * range.Item1:0.00}%..{100 * range.Item2:0.00}%");
        var reason = string.Create(CultureInfo.InvariantCulture,
            $"enforced {shareText}, {(within ? "inside" : "outside")} the {ConfidenceText} interval {rangeText} of {percent}%; bucket function expects {expectedEnforced}/{n}; {mismatches.Count} answers disagree with it");
        return new GateResult
        {
            Status = status,
            Measured = measured,
            Value = share,
            ValueText = shareText,
            Threshold = $"within {rangeText}",
            SampleSize = n,
            Reason = reason,
            Charts =
            [
                new Chart("Enforced share vs the rung", ["observed", "bucket function", "rung"],
                    [new ChartSeries("enforced share (%)", [100 * share, 100.0 * expectedEnforced / n, percent], within ? ChartSeries.Good : ChartSeries.Bad)], "% of requests"),
            ],
        }.WithEvidence(mismatches);
    }

    private string ConfidenceText => string.Create(CultureInfo.InvariantCulture, $"{_options.Confidence * 100:0.#}%");
}
