using Harness.Acceptance.Tests.Phases;
using Harness.Acceptance.Tests.Running;
using Harness.Acceptance.Tests.Targets;
using ReferenceImpl.Api.Faults;
using ReferenceImpl.Api.Profiles;

namespace Harness.Acceptance.Tests.Mutants;

/// <summary>
/// The run setup of the mutation tests, the same for a mutant and its control: the reference service
/// in a profile, in the phase's configuration, in memory, with the given faults; the CLI against its
/// URL with the built-in plan minus its migration gates (<see cref="PlanWithoutMigrationGates"/>: no
/// fault of the catalogue concerns the data migration), a clean capture and the drill credentials.
/// </summary>
public static class PhaseRun
{
    public static async Task<RehearsalOutcome> RunAsync(ServiceProfile profile, string phase, FaultSet faults, CancellationToken cancellationToken)
    {
        await using var target = await ReferenceTarget.StartAsync(profile, BuiltInPhases.Named(phase).Configuration, faults, stores: null, cancellationToken);
        using var run = new CliRehearsal();
        var plan = run.Write("plan-without-migration-gates.yaml", PlanWithoutMigrationGates.Text());
        var capture = run.Write("capture.jsonl", CleanCapture.Text());
        return await run.RunAsync(target.Credentials.Environment(), "report", "--phase", phase, "--plan", plan, "--target", target.Url, "--capture", capture);
    }
}
