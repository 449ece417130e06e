namespace Properties.Tests.Service;

/// <summary>The xunit collection that shares one <see cref="ReferenceServices"/> between the service-level properties.</summary>
[CollectionDefinition(Name)]
public sealed class ReferenceServiceGroup : ICollectionFixture<ReferenceServices>
{
    public const string Name = "reference services";
}
