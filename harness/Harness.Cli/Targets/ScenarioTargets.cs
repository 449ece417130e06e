using Harness.Engine.Gates;
using Harness.Engine.Gates.Configuration;
using Harness.Engine.LoadScenarios;
using Harness.Engine.Plans;
using Harness.Engine.Targets;
using StageContract;

namespace Harness.Cli.Targets;

/// <summary>
/// Targets for a scenario's segments. Embedded: the reference service started in each segment's
/// configuration (in memory) and stopped after it. URL: the one target, used for a segment only when
/// its behaviour shows the segment's configuration (the configuration gate's probes); otherwise the
/// segment is not applicable and the reason says how to rehearse it.
/// </summary>
public sealed class ScenarioTargets(Uri? url, TextWriter progress) : IScenarioTargets
{
    /// <inheritdoc />
    public async Task<ScenarioTarget> AcquireAsync(PhaseConfiguration configuration, int seed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (url is null)
        {
            var session = await TargetSession.StartEmbeddedAsync(configuration, containers: false, new LegacyData(), seed, progress, cancellationToken).ConfigureAwait(false);
            return new ScenarioTarget(session.Http, null, session);
        }

        var remote = TargetSession.ForUrl(url);
        var spec = new GateSpec { Id = "scenario-configuration", Kind = GateKinds.ConfigurationConformance };
        var context = new GateContext
        {
            Http = remote.Http,
            Client = remote.Client,
            Phase = new Phase { Name = "scenario", Configuration = configuration, Gates = [spec] },
            Spec = spec,
            Seed = seed,
            DeprecationValues = DeprecationValues.ToLearn(ContractRules.Default.Data.Headers),
        };
        var check = await ConfigurationConformanceGate.Create(spec).Gate!.EvaluateAsync(context, cancellationToken).ConfigureAwait(false);
        return check.Status == GateStatus.Pass
            ? new ScenarioTarget(remote.Http, null, remote)
            : new ScenarioTarget(null, $"the target does not run this segment's configuration ({configuration.Describe()}): {check.Reason}; start it in that configuration to rehearse the segment", remote);
    }
}
