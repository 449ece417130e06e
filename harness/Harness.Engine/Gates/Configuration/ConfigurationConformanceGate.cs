using System.Globalization;
using Harness.Engine.Plans;
using Harness.Engine.Requests;
using Harness.Engine.Targets;
using StageContract.Modes;

using StageContract.Endpoints;
using Harness.Engine.Gates.Kinds;

namespace Harness.Engine.Gates.Configuration;

/// <summary>
/// Does the target run the phase's configuration? Decided by behaviour: every stage endpoint gets
/// a probe with an unknown stage under request ids on both sides of the phase's enforcement
/// percent (buckets 0, p-1, p and 99), and each answer must show the effective mode the phase's
/// configuration gives (contract sections 3-4): that covers the mode, dry run, write-only, every
/// override and the bucket boundary. When a probe shows another enforcement share, the percent the
/// target really enforces is searched for. The self-report (<c>GET /api/deprecations</c>, in any
/// layout) is then held to the behaviour and to the phase; an unreadable self-report is reported
/// but never blocks.
/// </summary>
public sealed class ConfigurationConformanceGate : IGate
{
    private const string Measured = "differences between the phase configuration and how the target answers probes (and what it reports about itself)";
    private readonly ConfigurationConformanceOptions _options;

    private ConfigurationConformanceGate(ConfigurationConformanceOptions options) => _options = options;

    /// <summary>The kind: its options, threshold and needs.</summary>
    public static GateKind Kind { get; } = GateKind.For<ConfigurationConformanceOptions>(GateKinds.ConfigurationConformance,
        "probes with an unknown stage on every stage endpoint, at request-id buckets 0, p-1, p and 99, must be answered in the mode the phase's configuration gives (mode, dry run, write-only, overrides, percent; the percent searched when they are not); the self-report, read in any layout, must agree with the behaviour and the phase",
        ThresholdUnit.Count, "== 0", (_, options) => new ConfigurationConformanceGate(options)) with
    {
        DefaultThreshold = "== 0",
    };

    private TrafficSettings Traffic => new() { FundId = _options.FundId, CompanyId = _options.CompanyId };

    /// <summary>Builds the gate from a spec (<see cref="GateKind.Create"/>).</summary>
    public static GateCreation Create(GateSpec spec) => Kind.Create(spec);

    /// <summary>The buckets probed for a percent: 0 and 99, and both sides of the boundary.</summary>
    public static IReadOnlyList<int> Buckets(int percent) =>
        [.. new[] { 0, percent - 1, percent, 99 }.Where(b => b is >= 0 and <= 99).Distinct().Order()];

    /// <inheritdoc />
    public async Task<GateResult> EvaluateAsync(GateContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var threshold = context.Spec.Threshold ?? Threshold.Parse("== 0");
        var settings = context.Phase.Configuration.ToModeSettings();
        var prefix = $"rh{context.Seed}-{context.Spec.Id}";
        var traffic = new StageTraffic(context.Client, Traffic);
        var setup = new List<string>();
        var ids = await traffic.CreateResourcesAsync(context.Rules, prefix, setup, cancellationToken).ConfigureAwait(false);
        var probe = new BehaviourProbe(context.Client, context.Rules, Traffic);
        var observations = new List<ProbeObservation>();
        foreach (var (endpoint, index) in context.Rules.Endpoints.TakingStages.Select((e, i) => (e, i)))
        {
            foreach (var bucket in Buckets(settings.EnforcementPercent))
            {
                var id = BucketIds.For(bucket, string.Create(CultureInfo.InvariantCulture, $"{prefix}-{index}"));
                var (observation, response) = await probe.ProbeAsync(endpoint, id, ids, closeConnection: false, cancellationToken).ConfigureAwait(false);
                observations.Add(observation);
                if (observation.Behaviour is Behaviour.Warned or Behaviour.WouldReject && response is not null)
                {
                    // The first deprecation set of the rehearsal fixes the target's sunset and docs URL;
                    // whether this one is whole is the header gates' question, not this gate's.
                    context.DeprecationValues.Check(response.Header, observation.Subject);
                }
            }
        }

        if (observations.All(o => o.Status == 0) && observations.FirstOrDefault(o => o.Detail.StartsWith("no answer", StringComparison.Ordinal)) is { } unanswered)
        {
            return GateResult.NotEvaluated(Measured, $"target unreachable: {unanswered.Detail}", threshold.Text);
        }

        var percent = ConfigurationJudge.NeedsPercentSearch(context.Rules, settings, observations) is { } searched
            ? (searched, await SearchPercentAsync(probe, searched, ids, prefix, cancellationToken).ConfigureAwait(false))
            : ((StageEndpoint, int)?)null;
        var read = await TargetProbe.ReadAsync(context.Client, context.Rules.Endpoints.Routes, cancellationToken).ConfigureAwait(false);
        var judge = new ConfigurationJudge(context.Rules, context.Phase.Configuration, _options.CheckContractData);
        return judge.Judge(observations, percent, read, context.DeprecationValues, setup, threshold);
    }

    /// <summary>
    /// The share of buckets the target enforces on <paramref name="endpoint"/>: ids of bucket 0 and 99
    /// first, then a bisection on the bucket boundary (7 probes at most). Exact for the contract's
    /// monotone bucket rule; for any other rule the figure is only a hint, and the probes already failed.
    /// </summary>
    private static async Task<int> SearchPercentAsync(BehaviourProbe probe, StageEndpoint endpoint, ResourceIds ids, string prefix, CancellationToken cancellationToken)
    {
        async Task<bool> Enforced(int bucket)
        {
            var id = BucketIds.For(bucket, $"{prefix}-search");
            return (await probe.ProbeAsync(endpoint, id, ids, closeConnection: false, cancellationToken).ConfigureAwait(false)).Observation.Behaviour == Behaviour.Rejected;
        }

        if (!await Enforced(0).ConfigureAwait(false))
        {
            return 0;
        }

        if (await Enforced(99).ConfigureAwait(false))
        {
            return 100;
        }

        int low = 0, high = 99;
        while (high - low > 1)
        {
            var middle = (low + high) / 2;
            if (await Enforced(middle).ConfigureAwait(false))
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return high;
    }
}
