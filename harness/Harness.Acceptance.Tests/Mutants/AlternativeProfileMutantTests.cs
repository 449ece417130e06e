using ReferenceImpl.Api.Faults;
using ReferenceImpl.Api.Profiles;
using Xunit.Abstractions;

namespace Harness.Acceptance.Tests.Mutants;

/// <summary>
/// A few faults again in the alternative profile, whose bytes differ from the reference's wherever the
/// contract allows (variants encoding, route labels, self-report layout, problem types): catching a
/// fault must not depend on the reference's own spelling.
/// </summary>
public sealed class AlternativeProfileMutantTests(ControlRuns controls, ITestOutputHelper output) : MutantTests(controls, output)
{
    public static TheoryData<Fault> SomeFaults =>
        [Fault.UnboundedVariants, Fault.RawStageLabel, Fault.BucketOffByOne, Fault.WebhookReplays, Fault.ShadowRejects, Fault.UnknownFilterAsSeed];

    protected override ServiceProfile Profile => ServiceProfile.Alternative;

    [Theory]
    [MemberData(nameof(SomeFaults))]
    public Task Phase_ServiceWithTheFault_IsNoGoThroughGatesThatPassOnTheCleanService(Fault fault) => AssertCaughtAsync(fault);
}
