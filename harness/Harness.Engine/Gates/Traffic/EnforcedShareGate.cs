using Harness.Engine.Plans;
using System.Globalization;
using StageContract.Modes;
using Harness.Engine.Gates.Statistics;

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
    private static readonly string[] KnownParameters = ["requests", "concurrency", "confidence", "fundId", "minSamples"];
    private readonly int _requests;
    private readonly int _concurrency;
    private readonly double _confidence;
    private readonly int _fundId;
    private readonly int _minSamples;

    private EnforcedShareGate(int requests, int concurrency, double confidence, int fundId, int minSamples)
    {
        _requests = requests;
        _concurrency = concurrency;
        _confidence = confidence;
        _fundId = fundId;
        _minSamples = minSamples;
    }

    /// <summary>
    /// Factory. Parameters: <c>requests</c> (default 2,000), <c>concurrency</c> (default 8),
    /// <c>confidence</c> 0.95|0.99|0.999 (default 0.999), <c>fundId</c> (default 1), <c>minSamples</c>
    /// (answers needed to judge; default 1,000).
    /// </summary>
    public static GateCreation Create(GateSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var p = spec.Parameters;
        if (GateChecks.UnknownParameter(p, KnownParameters) is { } unknownParameter)
        {
            return GateCreation.Invalid(unknownParameter);
        }

        if (!p.TryGetInt("requests", 2_000, 50, 1_000_000, out var requests, out var e1)) return GateCreation.Invalid(e1);
        if (!p.TryGetInt("concurrency", 8, 1, 256, out var concurrency, out var e2)) return GateCreation.Invalid(e2);
        if (!ConfidenceOf(p.Json, out var confidence, out var e3)) return GateCreation.Invalid(e3);
        if (!p.TryGetInt("fundId", 1, 1, int.MaxValue, out var fund, out var e4)) return GateCreation.Invalid(e4);
        if (!p.TryGetInt("minSamples", 1_000, 1, 1_000_000, out var min, out var e5)) return GateCreation.Invalid(e5);
        return GateCreation.Of(new EnforcedShareGate(requests, concurrency, confidence, fund, min));
    }

    /// <inheritdoc />
    public async Task<GateResult> EvaluateAsync(GateContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = context.Phase.Configuration.ToModeSettings();
        var percent = Math.Clamp(settings.EnforcementPercent, 0, 100);
        var z = Proportions.Z(_confidence)!.Value;
        var measured = $"share of fresh request ids answered in enforce (GET {Route}), against {percent}% at {ConfidenceText}";
        var random = context.RandomFor();
        var ids = Enumerable.Range(0, _requests).Select(i => $"rh{context.Seed}-share-{i}-{random.Next():x8}").ToList();
        var modes = new string?[_requests];
        var statuses = new int[_requests];
        var path = $"api/funds/{_fundId}/companies?stage=seed";
        var header = context.Rules.Data.Headers.Mode;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, _requests),
            new ParallelOptions { MaxDegreeOfParallelism = _concurrency, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
                    request.Headers.TryAddWithoutValidation(context.Rules.Data.Headers.RequestId, ids[i]);
                    using var response = await context.Http.SendAsync(request, ct).ConfigureAwait(false);
                    modes[i] = response.Headers.TryGetValues(header, out var values) ? values.First() : "(none)";
                    statuses[i] = (int)response.StatusCode;
                }
                catch (HttpRequestException)
                {
                    modes[i] = null;
                }
            }).ConfigureAwait(false);

        var answered = Enumerable.Range(0, _requests).Where(i => modes[i] is not null).ToList();
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

        if (answered.Count < _minSamples && mismatches.Count == 0)
        {
            return new GateResult
            {
                Status = GateStatus.Inconclusive,
                Measured = measured,
                SampleSize = answered.Count,
                Reason = string.Create(CultureInfo.InvariantCulture, $"only {answered.Count} of {_requests} requests were answered, at least {_minSamples} are needed to judge"),
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

    private string ConfidenceText => string.Create(CultureInfo.InvariantCulture, $"{_confidence * 100:0.#}%");

    private static bool ConfidenceOf(System.Text.Json.JsonElement json, out double confidence, out string error)
    {
        confidence = 0.999;
        error = "";
        if (!json.TryGetProperty("confidence", out var value))
        {
            return true;
        }

        if (value.ValueKind == System.Text.Json.JsonValueKind.Number && value.TryGetDouble(out var c) && Proportions.Z(c) is not null)
        {
            confidence = c;
            return true;
        }

        error = "parameter 'confidence' must be 0.95, 0.99 or 0.999";
        return false;
    }
}
