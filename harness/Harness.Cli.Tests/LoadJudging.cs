namespace Harness.Cli.Tests;

/// <summary>
/// Tests that put load on a target and judge what came back run in this collection: alone, after
/// the assembly's parallel tests, so that no other test's CPU use becomes part of their measurement.
/// Their assertions must still hold on a busy machine (see "Writing tests that cannot flake" in the
/// README); running alone only keeps their figures representative.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LoadJudging
{
    /// <summary>The collection's name.</summary>
    public const string Name = "load judging";
}
