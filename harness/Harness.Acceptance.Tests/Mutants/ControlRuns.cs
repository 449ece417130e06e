using System.Collections.Concurrent;
using Harness.Acceptance.Tests.Running;
using ReferenceImpl.Api.Faults;
using ReferenceImpl.Api.Profiles;

namespace Harness.Acceptance.Tests.Mutants;

/// <summary>
/// The control of every mutant: the same phase in the same run setup against the clean service, run
/// once per profile and phase and shared by the mutants of that phase.
/// </summary>
public sealed class ControlRuns
{
    private readonly ConcurrentDictionary<(string Profile, string Phase), Lazy<Task<RehearsalOutcome>>> _runs = new();

    public Task<RehearsalOutcome> OfAsync(ServiceProfile profile, string phase)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return _runs.GetOrAdd((profile.Name, phase), _ => new(() => PhaseRun.RunAsync(profile, phase, FaultSet.None, CancellationToken.None))).Value;
    }
}
