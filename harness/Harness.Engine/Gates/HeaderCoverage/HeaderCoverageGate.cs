using Harness.Engine.Plans;
using Harness.Engine.Requests;
using StageContract.Modes;
using Harness.Engine.Gates.Kinds;

namespace Harness.Engine.Gates.HeaderCoverage;

/// <summary>
/// Header coverage (contract section 11): among warn and shadow responses to requests with an
/// unknown stage, the share that carries the whole deprecation set (or, with <c>set:
/// would-reject</c>, among shadow responses the share with <c>X-Stage-Would-Reject</c> and
/// <c>X-Stage-Recommendation</c>). Every tenth request carries 11 to 16 distinct unknown values, so
/// that the header's cap of ten and its <c>,...(+N)</c> are part of "whole". Too few such responses
/// (for example a target in enforce) is Inconclusive, not a pass.
/// </summary>
public sealed class HeaderCoverageGate : IGate
{
    private readonly HeaderCoverageOptions _options;

    private HeaderCoverageGate(HeaderCoverageOptions options) => _options = options;

    /// <summary>The kind: its options, threshold and needs.</summary>
    public static GateKind Kind { get; } = GateKind.For<HeaderCoverageOptions>(GateKinds.HeaderCoverage,
        "among warn/shadow responses to requests with an unknown stage, the share with the whole deprecation set (the target's own sunset and docs URL; `X-Stage-Deprecated-Variants` judged by meaning: each item one unknown value as sent or percent-decoded, or a cut of at least 16 bytes; at most 10 then `,...(+N)`); every tenth request carries 11-16 unknown values so the cap is checked; with `set: would-reject`, among shadow responses the share with `X-Stage-Would-Reject` and `X-Stage-Recommendation`",
        ThresholdUnit.Ratio, ">= 99%", (_, options) => new HeaderCoverageGate(options)) with
    {
        DefaultThreshold = ">= 99%",
        InconclusiveWhen = "fewer eligible responses than minSamples (a target in enforce has none)",
    };

    /// <summary>Builds the gate from a spec (<see cref="GateKind.Create"/>).</summary>
    public static GateCreation Create(GateSpec spec) => Kind.Create(spec);

    private bool WouldReject => _options.Set == "would-reject";

    private TrafficSettings Traffic => new() { FundId = _options.FundId, CompanyId = _options.CompanyId };

    /// <inheritdoc />
    public async Task<GateResult> EvaluateAsync(GateContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var threshold = context.Spec.Threshold ?? Threshold.Parse(WouldReject ? "== 100%" : ">= 99%");
        var measured = WouldReject
            ? "share of shadow responses to unknown stages with X-Stage-Would-Reject and X-Stage-Recommendation"
            : "share of warn/shadow responses to unknown stages with the whole deprecation set";
        var modeHeader = context.Rules.Data.Headers.Mode;
        var oracle = new ContractOracle(context.Rules, context.Phase.Configuration.ToModeSettings());
        var checks = new ResponseChecks(context.Rules, context.DeprecationValues);
        var traffic = new StageTraffic(context.Client, Traffic);
        var prefix = $"rh{context.Seed}-{context.Spec.Id}";
        var endpoints = context.Rules.Endpoints.TakingStages.Where(e => !e.NeedsId).ToList();
        var generator = new StageRequestGenerator(context.Rules, context.RandomFor(), prefix);
        var evidence = new List<Evidence>();
        var perEndpoint = endpoints.ToDictionary(e => e.ToString(), _ => (Covered: 0, Missing: 0));
        int eligible = 0, covered = 0;
        var unanswered = new List<string>();
        for (var i = 0; i < _options.Requests; i++)
        {
            // Every tenth request carries more unknown values than the header may list, so the cap and its count are checked too.
            var request = i % 10 == 9 ? generator.WithManyUnknown(endpoints) : generator.WithUnknown(endpoints);
            var observed = (await traffic.SendAsync(request, ResourceIds.None, cancellationToken).ConfigureAwait(false))!;
            if (observed.TransportError is not null)
            {
                unanswered.Add(observed.TransportError);
                continue;
            }

            var mode = observed.Header(modeHeader);
            var counts = mode == EffectiveMode.Shadow.ToWire() || (!WouldReject && mode == EffectiveMode.Warn.ToWire());
            if (!counts || observed.Status is < 200 or >= 300)
            {
                continue;
            }

            eligible++;
            var problems = WouldReject ? checks.MissingWouldReject(observed) : checks.MissingDeprecation(oracle.Expect(request), observed, request.ToString());
            var key = request.Endpoint.ToString();
            if (problems.Count == 0)
            {
                covered++;
                perEndpoint[key] = (perEndpoint[key].Covered + 1, perEndpoint[key].Missing);
            }
            else
            {
                perEndpoint[key] = (perEndpoint[key].Covered, perEndpoint[key].Missing + 1);
                evidence.Add(new Evidence(request.ToString(), WouldReject ? "would-reject headers" : "whole deprecation set", $"{observed.Status} {mode}", string.Join("; ", problems)));
            }
        }

        if (unanswered.Count == _options.Requests)
        {
            return GateResult.NotEvaluated(measured, $"target unreachable: no request got an answer ({unanswered[0]})", threshold.Text);
        }

        if (unanswered.Count > 0)
        {
            evidence.Insert(0, new Evidence($"{unanswered.Count} requests", "an HTTP answer", "none", unanswered[0]));
        }

        var what = WouldReject ? "shadow responses to unknown stages" : "warn/shadow responses to unknown stages";
        var result = Judgement.Ratio(threshold, measured, covered, eligible, _options.MinSamples, what);
        var chart = new Chart("Header coverage by endpoint", [.. perEndpoint.Keys],
            [new ChartSeries("with the set", [.. perEndpoint.Values.Select(v => (double)v.Covered)], ChartSeries.Good),
             new ChartSeries("missing", [.. perEndpoint.Values.Select(v => (double)v.Missing)], ChartSeries.Bad)], "responses");
        return result.WithEvidence(evidence) with { Charts = [chart] };
    }
}
