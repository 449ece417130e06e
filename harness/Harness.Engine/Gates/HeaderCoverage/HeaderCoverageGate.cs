using Harness.Engine.Plans;
using Harness.Engine.Requests;
using StageContract.Modes;

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
    private static readonly string[] KnownParameters = ["requests", "minSamples", "set", "fundId", "companyId"];
    private static readonly string[] Sets = ["deprecation", "would-reject"];
    private readonly int _requests;
    private readonly int _minSamples;
    private readonly bool _wouldReject;
    private readonly TrafficSettings _traffic;

    private HeaderCoverageGate(int requests, int minSamples, bool wouldReject, TrafficSettings traffic)
    {
        _requests = requests;
        _minSamples = minSamples;
        _wouldReject = wouldReject;
        _traffic = traffic;
    }

    /// <summary>
    /// Factory. Parameters: <c>requests</c> (default 200), <c>minSamples</c> (default 50),
    /// <c>set</c> deprecation|would-reject (default deprecation), <c>fundId</c>, <c>companyId</c> (default 1).
    /// </summary>
    public static GateCreation Create(GateSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var p = spec.Parameters;
        if (GateChecks.UnknownParameter(p, KnownParameters) is { } unknownParameter)
        {
            return GateCreation.Invalid(unknownParameter);
        }

        if (!p.TryGetInt("requests", 200, 1, 100_000, out var requests, out var e1)) return GateCreation.Invalid(e1);
        if (!p.TryGetInt("minSamples", 50, 0, 100_000, out var min, out var e2)) return GateCreation.Invalid(e2);
        if (!p.TryGetChoice("set", "deprecation", Sets, out var set, out var e3)) return GateCreation.Invalid(e3);
        if (!p.TryGetInt("fundId", 1, 0, int.MaxValue, out var fund, out var e4)) return GateCreation.Invalid(e4);
        if (!p.TryGetInt("companyId", 1, 0, int.MaxValue, out var company, out var e5)) return GateCreation.Invalid(e5);
        return GateCreation.Of(new HeaderCoverageGate(requests, min, set == "would-reject", new TrafficSettings { FundId = fund, CompanyId = company }));
    }

    /// <inheritdoc />
    public async Task<GateResult> EvaluateAsync(GateContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var threshold = context.Spec.Threshold ?? Threshold.Parse(_wouldReject ? "== 100%" : ">= 99%");
        var measured = _wouldReject
            ? "share of shadow responses to unknown stages with X-Stage-Would-Reject and X-Stage-Recommendation"
            : "share of warn/shadow responses to unknown stages with the whole deprecation set";
        var modeHeader = context.Rules.Data.Headers.Mode;
        var oracle = new ContractOracle(context.Rules, context.Phase.Configuration.ToModeSettings());
        var checks = new ResponseChecks(context.Rules, context.DeprecationValues);
        var traffic = new StageTraffic(context.Http, _traffic);
        var prefix = $"rh{context.Seed}-{context.Spec.Id}";
        var endpoints = context.Rules.Endpoints.TakingStages.Where(e => !e.NeedsId).ToList();
        var generator = new StageRequestGenerator(context.Rules, context.RandomFor(), prefix);
        var evidence = new List<Evidence>();
        var perEndpoint = endpoints.ToDictionary(e => e.ToString(), _ => (Covered: 0, Missing: 0));
        int eligible = 0, covered = 0;
        var unanswered = new List<string>();
        for (var i = 0; i < _requests; i++)
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
            var counts = mode == EffectiveMode.Shadow.ToWire() || (!_wouldReject && mode == EffectiveMode.Warn.ToWire());
            if (!counts || observed.Status is < 200 or >= 300)
            {
                continue;
            }

            eligible++;
            var problems = _wouldReject ? checks.MissingWouldReject(observed) : checks.MissingDeprecation(oracle.Expect(request), observed, request.ToString());
            var key = request.Endpoint.ToString();
            if (problems.Count == 0)
            {
                covered++;
                perEndpoint[key] = (perEndpoint[key].Covered + 1, perEndpoint[key].Missing);
            }
            else
            {
                perEndpoint[key] = (perEndpoint[key].Covered, perEndpoint[key].Missing + 1);
                evidence.Add(new Evidence(request.ToString(), _wouldReject ? "would-reject headers" : "whole deprecation set", $"{observed.Status} {mode}", string.Join("; ", problems)));
            }
        }

        if (unanswered.Count == _requests)
        {
            return GateResult.NotEvaluated(measured, $"target unreachable: no request got an answer ({unanswered[0]})", threshold.Text);
        }

        if (unanswered.Count > 0)
        {
            evidence.Insert(0, new Evidence($"{unanswered.Count} requests", "an HTTP answer", "none", unanswered[0]));
        }

        var what = _wouldReject ? "shadow responses to unknown stages" : "warn/shadow responses to unknown stages";
        var result = Judgement.Ratio(threshold, measured, covered, eligible, _minSamples, what);
        var chart = new Chart("Header coverage by endpoint", [.. perEndpoint.Keys],
            [new ChartSeries("with the set", [.. perEndpoint.Values.Select(v => (double)v.Covered)], ChartSeries.Good),
             new ChartSeries("missing", [.. perEndpoint.Values.Select(v => (double)v.Missing)], ChartSeries.Bad)], "responses");
        return result.WithEvidence(evidence) with { Charts = [chart] };
    }
}
