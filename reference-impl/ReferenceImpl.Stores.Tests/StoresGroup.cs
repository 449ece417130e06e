namespace ReferenceImpl.Stores.Tests;

[CollectionDefinition(Name)]
public sealed class StoresGroup : ICollectionFixture<StoresFixture>
{
    public const string Name = "stores";
}
