using Harness.Engine.Plans;

namespace Harness.Engine.LoadScenarios;

/// <summary>
/// Gives a scenario a target for each segment: the CLI starts the embedded reference service in the
/// segment's configuration, or checks by behaviour that a URL target runs it.
/// </summary>
public interface IScenarioTargets
{
    /// <summary>A target running <paramref name="configuration"/>, or the reason none can be had (the segment is then not applicable).</summary>
    Task<ScenarioTarget> AcquireAsync(PhaseConfiguration configuration, int seed, CancellationToken cancellationToken);
}
