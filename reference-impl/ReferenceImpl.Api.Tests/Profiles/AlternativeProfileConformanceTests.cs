using ReferenceImpl.Api.Profiles;

namespace ReferenceImpl.Api.Tests.Profiles;

/// <summary>The conformance suite against the alternative profile: another conforming service.</summary>
public sealed class AlternativeProfileConformanceTests : ProfileConformanceTests
{
    protected override ServiceProfile Profile => ServiceProfile.Alternative;
}
