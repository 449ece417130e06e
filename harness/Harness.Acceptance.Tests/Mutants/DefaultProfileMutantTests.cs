using ReferenceImpl.Api.Faults;
using ReferenceImpl.Api.Profiles;
using Xunit.Abstractions;

namespace Harness.Acceptance.Tests.Mutants;

/// <summary>Every catalogued fault, in the reference's default profile.</summary>
public sealed class DefaultProfileMutantTests(ControlRuns controls, ITestOutputHelper output) : MutantTests(controls, output)
{
    public static TheoryData<Fault> EveryFault => [.. MutationTable.All.Select(e => e.Fault)];

    protected override ServiceProfile Profile => ServiceProfile.Default;

    [Theory]
    [MemberData(nameof(EveryFault))]
    public Task Phase_ServiceWithTheFault_IsNoGoThroughGatesThatPassOnTheCleanService(Fault fault) => AssertCaughtAsync(fault);
}
