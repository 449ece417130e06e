using System.Net;
using System.Net.Sockets;
using Harness.Cli;

namespace Harness.Cli.Tests;

public sealed class ExitCodeTests
{
    private static void AssertOneErrorLine(CliRun run, string expected)
    {
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("rehearse: ", lines[0], StringComparison.Ordinal);
        Assert.Contains(expected, lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void ExitCodes_AreTheDocumentedTable()
    {
        Assert.Equal((0, 1, 2, 3), (ExitCodes.Go, ExitCodes.NoGo, ExitCodes.Hold, ExitCodes.HarnessOrUsageError));
    }

    [Fact]
    public async Task Rehearse_UnknownOption_IsUsageErrorWithOneLine()
    {
        using var run = new CliRun();
        Assert.Equal(ExitCodes.HarnessOrUsageError, await run.RunAsync("--phase", "staging-warn", "--colour", "red"));
        AssertOneErrorLine(run, "--colour");
    }

    [Fact]
    public async Task Rehearse_MissingPhase_IsUsageErrorListingPhases()
    {
        using var run = new CliRun();
        Assert.Equal(ExitCodes.HarnessOrUsageError, await run.RunAsync());
        AssertOneErrorLine(run, "--phase is required (phases: off, staging-warn, write-enforce");
    }

    [Fact]
    public async Task Rehearse_UnknownPhase_IsUsageError()
    {
        using var run = new CliRun();
        Assert.Equal(ExitCodes.HarnessOrUsageError, await run.RunAsync("--phase", "enforce-75"));
        AssertOneErrorLine(run, "unknown phase 'enforce-75'");
    }

    [Fact]
    public async Task Rehearse_BadTarget_IsUsageError()
    {
        using var run = new CliRun();
        Assert.Equal(ExitCodes.HarnessOrUsageError, await run.RunAsync("--phase", "staging-warn", "--target", "ftp://x"));
        AssertOneErrorLine(run, "--target must be 'embedded' or an absolute http(s) URL");
    }

    [Fact]
    public async Task Rehearse_MissingPlanFile_IsErrorNamingTheFile()
    {
        using var run = new CliRun();
        Assert.Equal(ExitCodes.HarnessOrUsageError, await run.RunAsync("--phase", "p", "--plan", "missing.yaml"));
        AssertOneErrorLine(run, "cannot read plan");
        Assert.Contains("missing.yaml", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rehearse_InvalidPlan_IsErrorNamingLineAndProblem()
    {
        using var run = new CliRun();
        run.Write("plan.yaml", "version: 1\nphases:\n  - name: p\n    configuration: { mode: loud }\n    gates: []\n");
        Assert.Equal(ExitCodes.HarnessOrUsageError, await run.RunAsync("--phase", "p", "--plan", "plan.yaml"));
        AssertOneErrorLine(run, "plan.yaml:4:");
        Assert.Contains("mode 'loud' is not one of off, warn, enforce", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rehearse_PlanWithUnusableGateParameters_FailsBeforeStartingATarget()
    {
        using var run = new CliRun();
        run.Write("plan.yaml", "version: 1\nphases:\n  - name: p\n    configuration: { mode: warn }\n    gates:\n      - { id: d, kind: decision-table, parameters: { requests: lots } }\n");
        Assert.Equal(ExitCodes.HarnessOrUsageError, await run.RunAsync("--phase", "p", "--plan", "plan.yaml", "--target", "http://127.0.0.1:9/"));
        AssertOneErrorLine(run, "gate 'd' (decision-table): parameter 'requests' must be an integer");
    }

    [Fact]
    public async Task Rehearse_UnreachableTarget_IsErrorWithOneLineAndNoReports()
    {
        using var run = new CliRun();
        var port = ClosedPort();
        Assert.Equal(ExitCodes.HarnessOrUsageError, await run.RunAsync("--phase", "staging-warn", "--target", $"http://127.0.0.1:{port}/"));
        AssertOneErrorLine(run, $"target unreachable: cannot reach http://127.0.0.1:{port}/");
        Assert.False(Directory.Exists(Path.Combine(run.WorkingDirectory, "reports")));
    }

    [Fact]
    public async Task Golden_UnreachableTarget_IsErrorWithOneLine()
    {
        using var run = new CliRun();
        Assert.Equal(ExitCodes.HarnessOrUsageError, await run.RunAsync("golden", "--target", $"http://127.0.0.1:{ClosedPort()}"));
        AssertOneErrorLine(run, "target unreachable");
    }

    [Fact]
    public async Task Golden_WithoutTarget_IsUsageError()
    {
        using var run = new CliRun();
        Assert.Equal(ExitCodes.HarnessOrUsageError, await run.RunAsync("golden"));
        AssertOneErrorLine(run, "--target");
    }

    [Fact]
    public async Task Report_NotAReport_IsErrorWithOneLine()
    {
        using var run = new CliRun();
        run.Write("r.json", "{\"hello\": 1}");
        Assert.Equal(ExitCodes.HarnessOrUsageError, await run.RunAsync("report", "r.json"));
        AssertOneErrorLine(run, "not a rehearsal report");
    }

    [Fact]
    public async Task Report_MissingFile_IsErrorWithOneLine()
    {
        using var run = new CliRun();
        Assert.Equal(ExitCodes.HarnessOrUsageError, await run.RunAsync("report", "nope.json"));
        AssertOneErrorLine(run, "cannot read report");
    }

    [Theory]
    [InlineData(new[] { "--phase", "write-enforce", "--database", "Host=h;Database=d" }, "--database is for a URL target")]
    [InlineData(new[] { "--phase", "write-enforce", "--target", "http://127.0.0.1:9/", "--database", "Hots=x" }, "--database: is not an Npgsql connection string")]
    [InlineData(new[] { "--phase", "write-enforce", "--target", "http://127.0.0.1:9/", "--database", "Host=h" }, "--database: must name Host and Database")]
    [InlineData(new[] { "--phase", "write-enforce", "--stores", "disk" }, "disk")]
    public async Task DatabaseAndStores_BadValues_AreUsageErrors(string[] args, string expected)
    {
        using var run = new CliRun();
        Assert.Equal(ExitCodes.HarnessOrUsageError, await run.RunAsync(args));
        AssertOneErrorLine(run, expected);
    }

    [Fact]
    public async Task Phases_DefaultPlan_ListsPhasesAndGates_EveryKindImplemented()
    {
        using var run = new CliRun();
        Assert.Equal(ExitCodes.Go, await run.RunAsync("phases"));
        Assert.Contains("staging-warn: Warn everywhere", run.Out, StringComparison.Ordinal);
        Assert.Contains("  - golden: golden-conformance == 100%, blocking\n", run.Out.Replace("\r", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("  - validator-p99: validator-latency <= 5ms, blocking\n", run.Out.Replace("\r", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("  - migration-rehearsal: migration-rehearsal, blocking\n", run.Out.Replace("\r", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("not implemented", run.Out, StringComparison.Ordinal);
        Assert.Empty(run.Error);
    }

    /// <summary>A loopback port nothing listens on: bound, then released.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
