using System.Reflection;
using System.Xml.Linq;
using Harness.Cli.Verbs;
using Harness.Engine.Rehearsals;
using Harness.Engine.Reports;
using StageContract;

namespace Harness.Cli.Tests;

public sealed class VersionTests
{
    private static readonly ReportVersions Versions = new("0.15.0", 1, new string('a', 64), ".NET 10.0.12");

    [Fact]
    public async Task Version_PrintsHarnessContractDataAndRuntime_ExitsZero()
    {
        using var run = new CliRun();
        Assert.Equal(ExitCodes.Go, await run.RunAsync("--version"));
        var expected = VersionAction.Lines(
            typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion,
            HarnessVersions.For(ContractRules.Default));
        Assert.Equal(expected, run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith($"rehearse {HarnessVersions.Harness}", expected[0], StringComparison.Ordinal);
        Assert.Equal($"contract data v{ContractRules.Default.Data.Version} (sha256 {HarnessVersions.For(ContractRules.Default).ContractDataSha256})", expected[1]);
        Assert.Empty(run.Error);
    }

    [Fact]
    public async Task Version_WithOtherArguments_IsUsageErrorWithOneLine()
    {
        using var run = new CliRun();
        Assert.Equal(ExitCodes.HarnessOrUsageError, await run.RunAsync("--version", "--phase", "off"));
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("rehearse: ", line, StringComparison.Ordinal);
        Assert.Contains("--version", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.15.0+756050cd024438c03da832829667dbfcdc4e0037", "rehearse 0.15.0 (commit 756050cd024438c03da832829667dbfcdc4e0037)")]
    [InlineData("0.15.0", "rehearse 0.15.0")]
    [InlineData("0.15.0-preview.1+local.build", "rehearse 0.15.0-preview.1+local.build")]
    public void VersionLines_CommitOnlyWhenTheBuildMetadataIsOne(string informational, string expected)
    {
        Assert.Equal([expected, $"contract data v1 (sha256 {new string('a', 64)})", "runtime .NET 10.0.12"], VersionAction.Lines(informational, Versions));
    }

    [Fact]
    public void Version_IsDirectoryBuildPropsVersion_ForTheCliAndTheReports()
    {
        var props = XDocument.Load(Path.Combine(RepositoryRoot.Find(), "Directory.Build.props"));
        var declared = Assert.Single(props.Descendants("Version")).Value;
        Assert.Equal(declared, HarnessVersions.Harness);
        Assert.StartsWith(declared, typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion, StringComparison.Ordinal);
    }
}
