namespace Harness.Cli.Tests;

/// <summary>The CLI reads its variables through the injected environment, never straight from the process.</summary>
public sealed class CliEnvironmentTests
{
    [Fact]
    public void Of_OnlyTheGivenNonEmptyVariables_AreSeen()
    {
        var environment = CliEnvironment.Of(new Dictionary<string, string> { ["REHEARSE_OPS_TOKEN"] = "t", ["REHEARSE_WEBHOOK_TOKEN"] = "" });
        Assert.Equal("t", environment.Get("REHEARSE_OPS_TOKEN"));
        Assert.Null(environment.Get("REHEARSE_WEBHOOK_TOKEN"));
        Assert.Null(environment.Get("PATH"));
        Assert.NotNull(CliEnvironment.Process.Get("PATH"));
    }

    [Fact]
    public async Task Rehearse_DatabaseUrlInTheInjectedEnvironment_IsTheOneChecked()
    {
        using var run = new CliRun { Environment = CliEnvironment.Of(new Dictionary<string, string> { ["REHEARSE_DATABASE_URL"] = "not a connection string" }) };
        Assert.Equal(ExitCodes.HarnessOrUsageError, await run.RunAsync("--phase", "write-enforce", "--target", "http://127.0.0.1:9/"));
        Assert.StartsWith("rehearse: --database: ", run.Error, StringComparison.Ordinal);
    }
}
