using Harness.Acceptance.Tests.Phases;
using Harness.Acceptance.Tests.Running;
using Harness.Acceptance.Tests.Targets;
using Harness.Cli;
using ReferenceImpl.Api.Faults;
using ReferenceImpl.Api.Profiles;

namespace Harness.Acceptance.Tests.EveryPhase;

/// <summary>
/// Issue 10, acceptance point 1: against a conforming service, as a URL target, every phase of the
/// built-in plan is GO given what a team would give: <c>--database</c> of the service's own Postgres
/// for the migration gates, <c>--capture</c> of clean traffic for the readiness gates and the drill
/// credentials in <c>REHEARSE_*</c> variables, and for the drills the service's Redis and Postgres containers and a latency command. The service runs each phase in exactly the phase's
/// configuration, on a fresh Postgres database filled with generated legacy data and on Redis. One
/// suite, run against each profile by a one-line subclass.
/// </summary>
[Collection(ContainerStoresDefinition.Name)]
public abstract class EveryPhaseGoTests(ContainerStores stores)
{
    protected abstract ServiceProfile Profile { get; }

    [Theory]
    [MemberData(nameof(BuiltInPhases.Names), MemberType = typeof(BuiltInPhases))]
    public async Task Phase_UrlTargetWithDatabaseCaptureAndCredentials_IsGoWithEveryBlockingGatePassed(string phase)
    {
        var cancellationToken = CancellationToken.None;
        var serviceStores = await stores.NewAsync(cancellationToken);
        using var run = new CliRehearsal();
        // The drills act on the shared containers (--redis-container, --postgres-container) and slow the service
        // through its chaos-latency files (--latency-command), as a team names its own.
        var chaos = Directory.CreateDirectory(Path.Combine(run.WorkingDirectory, "chaos")).FullName;
        await using var target = await ReferenceTarget.StartAsync(Profile, BuiltInPhases.Named(phase).Configuration, FaultSet.None, serviceStores, cancellationToken, chaos);
        await ContainerStores.FillWithLegacyDataAsync(serviceStores, cancellationToken);

        var capture = run.Write("capture.jsonl", CleanCapture.Text());
        string[] database = BuiltInPhases.NeedsDatabase(phase) ? ["--database", serviceStores.Database] : [];
        var outcome = await run.RunAsync(target.Credentials.Environment(), "report", ["--phase", phase, "--target", target.Url, "--capture", capture, .. database, .. stores.DrillArguments,
            "--latency-command", $"echo {{ms}} > '{chaos}/{{dependency}}'"]);

        Assert.True(outcome.ExitCode == ExitCodes.Go, $"{Profile.Name} / {phase}: {outcome}");
        Assert.Equal("GO", outcome.Verdict);
        // The baseline gate has nothing to compare with here (no --baseline): NotApplicable, with its
        // measurements recorded. Its judgement against a baseline is proved in Harness.Cli.Tests' BaselineTests.
        var judged = outcome.Gates.Where(g => g.Kind != "baseline-load").ToList();
        Assert.All(judged.Where(g => g.Blocking), g => Assert.True(g.Status == "Pass", g.ToString()));
        Assert.All(judged, g => Assert.True(g.Status is not ("NotApplicable" or "NotEvaluated"), g.ToString()));
        Assert.All(outcome.Gates.Where(g => g.Kind == "baseline-load"), g => Assert.True(g.Status == "NotApplicable", g.ToString()));
    }
}
