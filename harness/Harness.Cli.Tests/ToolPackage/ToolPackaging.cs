namespace Harness.Cli.Tests.ToolPackage;

/// <summary>
/// The tool-package test builds and packs the CLI (CPU for tens of seconds): it runs alone, after the
/// assembly's parallel tests, so that its build is never part of another test's measurement.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ToolPackaging
{
    /// <summary>The collection's name.</summary>
    public const string Name = "tool package";
}
