using Harness.Acceptance.Tests.Targets;
using ReferenceImpl.Api.Profiles;

namespace Harness.Acceptance.Tests.EveryPhase;

public sealed class AlternativeProfileEveryPhaseGoTests(ContainerStores stores) : EveryPhaseGoTests(stores)
{
    protected override ServiceProfile Profile => ServiceProfile.Alternative;
}
