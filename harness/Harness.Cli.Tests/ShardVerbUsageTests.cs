namespace Harness.Cli.Tests;

/// <summary><c>rehearse load</c> and <c>rehearse merge</c> refuse bad input with exit 3 and one line on stderr, before any load.</summary>
public sealed class ShardVerbUsageTests
{
    [Theory]
    [InlineData("0/3")]
    [InlineData("4/3")]
    [InlineData("1/1001")]
    [InlineData("2")]
    [InlineData("one/two")]
    public async Task Load_BadShard_ExitsThreeWithOneLine(string shard)
    {
        using var run = new CliRun();
        Assert.Equal(ExitCodes.HarnessOrUsageError, await run.RunAsync("load", "--phase", "enforce-100", "--shard", shard));
        Assert.Equal($"rehearse: --shard must be i/n with 1 <= i <= n <= 1000 (shards are numbered from 1), got '{shard}' (see 'rehearse --help')", run.Error.TrimEnd());
    }

    [Fact]
    public async Task Load_PhaseWithoutALoadGate_ExitsThreeNamingIt()
    {
        using var run = new CliRun();
        var plan = run.Write("plan.yaml", """
            version: 1
            phases:
              - name: quiet
                configuration: { mode: warn }
                gates:
                  - id: error-rate
                    kind: error-rate
                    threshold: "< 1%"
            """);
        Assert.Equal(ExitCodes.HarnessOrUsageError, await run.RunAsync("load", "--phase", "quiet", "--plan", plan, "--shard", "1/2"));
        Assert.Equal("rehearse: phase 'quiet' has no load gate: none of its gates runs an open-model load, so there is nothing to shard", run.Error.TrimEnd());
    }

    [Theory]
    [InlineData("--phase", "no-such-phase")]
    [InlineData("--target", "ftp://example.test")]
    public async Task Load_UnknownPhaseOrBadTarget_ExitsThree(string option, string value)
    {
        using var run = new CliRun();
        string[] args = option == "--phase" ? ["load", option, value] : ["load", "--phase", "enforce-100", option, value];
        Assert.Equal(ExitCodes.HarnessOrUsageError, await run.RunAsync(args));
        Assert.Single(run.Error.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task Merge_NoFile_ExitsThree()
    {
        using var run = new CliRun();
        Assert.Equal(ExitCodes.HarnessOrUsageError, await run.RunAsync("merge"));
        Assert.Single(run.Error.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task Merge_MissingFile_ExitsThreeNamingIt()
    {
        using var run = new CliRun();
        Assert.Equal(ExitCodes.HarnessOrUsageError, await run.RunAsync("merge", "shard-1.json"));
        Assert.StartsWith("rehearse: cannot read shard file 'shard-1.json': ", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.TrimEnd().Split('\n'));
    }

    [Theory]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("""{"format": "rehearse-report"}""")]
    public async Task Merge_NotAShardFile_ExitsThreeWithOneLine(string content)
    {
        using var run = new CliRun();
        run.Write("shard-1.json", content);
        Assert.Equal(ExitCodes.HarnessOrUsageError, await run.RunAsync("merge", "shard-1.json"));
        Assert.StartsWith("rehearse: shard-1.json: not a load shard file", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.TrimEnd().Split('\n'));
    }
}
