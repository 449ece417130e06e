using Harness.Cli;
using ReferenceImpl.Api.Faults;
using ReferenceImpl.Api.Profiles;
using Xunit.Abstractions;

namespace Harness.Acceptance.Tests.Mutants;

/// <summary>
/// Issue 10, acceptance point 2: a service with exactly one catalogued fault is NO-GO in the phase
/// where the fault shows, and each gate named in <see cref="MutationTable"/> Failed (not merely went
/// unevaluated), while the same gate Passed on the clean service in the same run setup (the control
/// run of that phase). A subclass names its profile and declares the theory over the faults it runs
/// (every fault in the default profile, a few in the alternative one).
/// </summary>
public abstract class MutantTests(ControlRuns controls, ITestOutputHelper output) : IClassFixture<ControlRuns>
{
    protected abstract ServiceProfile Profile { get; }

    protected async Task AssertCaughtAsync(Fault fault)
    {
        var expected = MutationTable.For(fault);
        var control = await controls.OfAsync(Profile, expected.Phase);
        var mutant = await PhaseRun.RunAsync(Profile, expected.Phase, FaultSet.Of(fault), CancellationToken.None);

        var context = $"{Profile.Name} / {expected.Phase} / {expected.Name}\nmutant: {mutant}\ncontrol: {control}";
        // Every gate of both runs, for the README's table (what also failed) and for whoever reads a failure.
        output.WriteLine($"{Profile.Name} / {expected.Phase} / {expected.Name}\nmutant: exit {mutant.ExitCode}, {mutant.Verdict}\n  {string.Join("\n  ", mutant.Gates)}\ncontrol: exit {control.ExitCode}, {control.Verdict}\n  {string.Join("\n  ", control.Gates)}");
        Assert.True(mutant.ExitCode == ExitCodes.NoGo, context);
        Assert.Equal("NO-GO", mutant.Verdict);
        Assert.All(expected.CaughtBy, id =>
        {
            Assert.True(mutant.Gate(id).Status == "Fail", $"'{id}' did not fail with the fault: {mutant.Gate(id)}\n{context}");
            Assert.True(control.Gate(id).Status == "Pass", $"'{id}' did not pass on the clean service: {control.Gate(id)}\n{context}");
        });
    }
}
