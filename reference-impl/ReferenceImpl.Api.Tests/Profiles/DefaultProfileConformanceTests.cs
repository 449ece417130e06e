using ReferenceImpl.Api.Profiles;

namespace ReferenceImpl.Api.Tests.Profiles;

/// <summary>The conformance suite against the default profile.</summary>
public sealed class DefaultProfileConformanceTests : ProfileConformanceTests
{
    protected override ServiceProfile Profile => ServiceProfile.Default;
}
