namespace Harness.Acceptance.Tests.Targets;

/// <summary>Tests whose services run on the shared Postgres and Redis containers.</summary>
[CollectionDefinition(Name)]
public sealed class ContainerStoresDefinition : ICollectionFixture<ContainerStores>
{
    public const string Name = "reference service on Postgres and Redis containers";
}
