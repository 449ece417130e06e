using Harness.Engine.Plans;
using Harness.Engine.Requests;
using StageContract.Modes;
using Harness.Engine.Gates.Kinds;

namespace Harness.Engine.Gates.DecisionTable;

/// <summary>
/// Sends seeded generated requests and checks each answer against the contract's decision
/// (section 3) and outcome table (sections 4-5): status and problem code, <c>X-Stage-Mode</c>, and
/// the presence (or absence) of the deprecation and would-reject headers. The value is the share
/// of conforming answers.
/// </summary>
public sealed class DecisionTableGate : IGate
{
    private readonly DecisionTableOptions _options;

    private DecisionTableGate(DecisionTableOptions options) => _options = options;

    /// <summary>The kind: its options, threshold and needs.</summary>
    public static GateKind Kind { get; } = GateKind.For<DecisionTableOptions>(GateKinds.DecisionTable,
        "share of seeded generated requests answered as contract sections 3-5 say: status and problem code (exact), `X-Stage-Mode`, and presence or absence of the deprecation and would-reject headers (the deprecation set judged as in `header-coverage`)",
        ThresholdUnit.Ratio, "== 100%", (_, options) => new DecisionTableGate(options)) with
    {
        DefaultThreshold = "== 100%",
        InconclusiveWhen = "fewer answers than minSamples",
    };

    /// <summary>Builds the gate from a spec (<see cref="GateKind.Create"/>).</summary>
    public static GateCreation Create(GateSpec spec) => Kind.Create(spec);

    private bool UnknownOnly => _options.Traffic == "unknown";

    private TrafficSettings Traffic => new() { FundId = _options.FundId, CompanyId = _options.CompanyId };

    /// <inheritdoc />
    public async Task<GateResult> EvaluateAsync(GateContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var threshold = context.Spec.Threshold ?? Threshold.Parse("== 100%");
        var measured = $"share of generated requests ({_options.Select}, {(UnknownOnly ? "each with an unknown stage" : "mixed stages")}) answered as the decision table says";
        var settings = context.Phase.Configuration.ToModeSettings();
        var oracle = new ContractOracle(context.Rules, settings);
        var checks = new ResponseChecks(context.Rules, context.DeprecationValues);
        var traffic = new StageTraffic(context.Client, Traffic);
        var endpoints = context.Rules.Endpoints.TakingStages.Where(e => _options.Select switch
        {
            "writes" => context.Rules.Decider.IsWrite(e.Method, e.Route),
            "reads" => !context.Rules.Decider.IsWrite(e.Method, e.Route),
            _ => true,
        }).ToList();

        var prefix = $"rh{context.Seed}-{context.Spec.Id}";
        var setup = new List<string>();
        var ids = endpoints.Any(e => e.NeedsId)
            ? await traffic.CreateResourcesAsync(context.Rules, prefix, setup, cancellationToken).ConfigureAwait(false)
            : ResourceIds.None;
        var generator = new StageRequestGenerator(context.Rules, context.RandomFor(), prefix);
        var tally = new DecisionTally();
        var evidence = new List<Evidence>(setup.Select(s => new Evidence("fixture", "created", "not created", s)));
        var unanswered = new List<string>();
        for (var i = 0; i < _options.Requests; i++)
        {
            var request = UnknownOnly ? generator.WithUnknown(endpoints) : generator.Any(endpoints);
            var observed = await traffic.SendAsync(request, ids, cancellationToken).ConfigureAwait(false);
            if (observed is null)
            {
                tally.Skipped++;
                continue;
            }

            if (observed.TransportError is not null)
            {
                unanswered.Add(observed.TransportError);
            }

            var expected = oracle.Expect(request);
            var problems = checks.Mismatches(expected, observed, request.ToString());
            tally.Add(expected.Mode, problems.Count == 0);
            if (problems.Count > 0)
            {
                evidence.Add(new Evidence(request.ToString(),
                    $"{expected.StatusText}, {expected.Mode.ToWire()}, result {expected.Result}",
                    $"{observed.Status}{(observed.ErrorCode is null ? "" : " " + observed.ErrorCode)}, {observed.Header(context.Rules.Data.Headers.Mode) ?? "(no mode)"}",
                    string.Join("; ", problems)));
            }
        }

        if (tally.Total > 0 && unanswered.Count == tally.Total)
        {
            return GateResult.NotEvaluated(measured, $"target unreachable: no request got an answer ({unanswered[0]})", threshold.Text);
        }

        var result = Judgement.Ratio(threshold, measured, tally.Conforming, tally.Total, _options.MinSamples, "answers");
        if (tally.Skipped > 0)
        {
            result = result with { Reason = $"{result.Reason}; {tally.Skipped} requests skipped (no fixture for their route)" };
        }

        return result.WithEvidence(evidence) with { Charts = [tally.ToChart()] };
    }

    private sealed class DecisionTally
    {
        private static readonly EffectiveMode[] Modes = [EffectiveMode.Off, EffectiveMode.Warn, EffectiveMode.Shadow, EffectiveMode.Enforce];
        private readonly int[] _good = new int[4];
        private readonly int[] _bad = new int[4];

        public int Skipped { get; set; }

        public int Conforming => _good.Sum();

        public int Total => _good.Sum() + _bad.Sum();

        public void Add(EffectiveMode mode, bool conforms)
        {
            var i = Array.IndexOf(Modes, mode);
            if (conforms) _good[i]++; else _bad[i]++;
        }

        public Chart ToChart() => new(
            "Answers by effective mode",
            [.. Modes.Select(m => m.ToWire())],
            [new ChartSeries("conforming", [.. _good.Select(v => (double)v)], ChartSeries.Good), new ChartSeries("not conforming", [.. _bad.Select(v => (double)v)], ChartSeries.Bad)],
            "requests");
    }
}
