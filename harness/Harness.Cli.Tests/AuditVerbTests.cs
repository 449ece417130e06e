using System.Diagnostics;
using System.Globalization;
using Harness.Engine.Audit;

namespace Harness.Cli.Tests;

/// <summary><c>rehearse audit</c>: exit codes, files, and the memory bound on a million lines.</summary>
public sealed class AuditVerbTests
{
    /// <summary>The stated bound on the audit process's peak resident set (VmHWM) for a million-line log; the README gives the measured figure.</summary>
    private const long PeakRssBoundKiB = 250 * 1024;

    [Fact]
    public async Task Audit_OffenderAboveClientLimit_Exits1AndNamesIt()
    {
        using var run = new CliRun();
        var log = Path.Combine(run.WorkingDirectory, "access.log");
        using (var writer = new StreamWriter(log))
        {
            AccessLogGenerator.Write(writer, new GeneratedLogOptions { Lines = 5_000, Seed = 8 });
        }

        var code = await run.RunAsync("audit", "--log", "access.log", "--format", "combined", "--max-client-share", "1%", "--out", "out");

        Assert.Equal(ExitCodes.NoGo, code);
        Assert.Contains("203.0.113.66: unknown", run.Out, StringComparison.Ordinal);
        Assert.Contains("FAIL: ", run.Out, StringComparison.Ordinal);
        foreach (var name in AuditFiles.Names)
        {
            Assert.True(File.Exists(Path.Combine(run.WorkingDirectory, "out", name)), name);
        }

        Assert.Contains("| 203.0.113.66 |", File.ReadAllText(Path.Combine(run.WorkingDirectory, "out", "audit.md")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_NoLimit_Exits0()
    {
        using var run = new CliRun();
        run.Write("capture.jsonl", """{"method":"GET","path":"/api/funds/1/companies?stage=seed","ip":"10.0.0.1"}""" + "\nnot json\n");
        Assert.Equal(ExitCodes.Go, await run.RunAsync("audit", "--log", "capture.jsonl", "--out", "out"));
        Assert.Contains("1 malformed", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("audit", "--log", "missing.log")]
    [InlineData("audit", "--log", "x.log", "--format", "w3c")]
    [InlineData("audit", "--log", "x.log", "--client", "cookie")]
    [InlineData("audit", "--log", "x.log", "--format", "combined", "--client", "header:X-Api-Key")]
    [InlineData("audit", "--log", "x.log", "--field", "nope=x")]
    [InlineData("audit", "--log", "x.log", "--max-client-share", "150%")]
    [InlineData("audit", "--log", "x.log", "--phase", "nope")]
    [InlineData("audit", "--log", "x.log", "--confidence", "0.5")]
    [InlineData("audit")]
    public async Task Audit_BadInput_OneLineAndExit3(params string[] args)
    {
        using var run = new CliRun();
        run.Write("x.log", "{}\n");
        Assert.Equal(ExitCodes.HarnessOrUsageError, await run.RunAsync(args));
        Assert.StartsWith("rehearse: ", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
    }

    /// <summary>
    /// The memory bound: a generated combined log of 1,000,000 lines (50,000 client addresses, above the
    /// 10,000 cap) audited by <c>rehearse audit</c> as a process of its own; its peak resident set
    /// (VmHWM from /proc/&lt;pid&gt;/status, read after the run ends and before it is reaped) must stay
    /// under <see cref="PeakRssBoundKiB"/>. No wall-clock assertion.
    /// </summary>
    [Fact]
    public async Task Audit_MillionLines_StaysWithinTheMemoryBound()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var run = new CliRun();
        var log = Path.Combine(run.WorkingDirectory, "million.log");
        GeneratedLog truth;
        using (var writer = new StreamWriter(log))
        {
            truth = AccessLogGenerator.Write(writer, new GeneratedLogOptions { Lines = 1_000_000, Seed = 14, Clients = 50_000, OffenderShare = 0.02 });
        }

        var (code, output, peakKiB) = await RunMeasuredAsync(run.WorkingDirectory, "audit", "--log", log, "--format", "combined", "--max-client-share", "1%", "--out", "out");
        File.WriteAllText(Path.Combine(Path.GetTempPath(), "rehearse-audit-million-vmhwm.txt"), string.Create(CultureInfo.InvariantCulture, $"VmHWM {peakKiB} kB\n{output}"));

        Assert.Equal(ExitCodes.NoGo, code);
        Assert.Contains("audit: 1,000,000 lines read", output, StringComparison.Ordinal);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"203.0.113.66: unknown"), output, StringComparison.Ordinal);
        Assert.True(truth.OffenderUnknown > 0);
        Assert.InRange(peakKiB, 1, PeakRssBoundKiB);
    }

    private static async Task<(int Code, string Output, long PeakKiB)> RunMeasuredAsync(string directory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "rehearse.dll"), .. args])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var status = $"/proc/{process.Id}/status";
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        long peak = 0;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(15));
        while (!process.HasExited)
        {
            peak = Math.Max(peak, ReadHighWaterMark(status));
            try
            {
                await Task.Delay(200, timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }
        }

        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error, peak);
    }

    /// <summary>VmHWM (the kernel's own peak of the resident set) in KiB; 0 once the process is gone.</summary>
    private static long ReadHighWaterMark(string status)
    {
        try
        {
            var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
