using System.Diagnostics;

namespace Harness.Cli.Tests;

/// <summary>Runs <c>rehearse</c> as a process of its own (the build copies rehearse.dll beside the tests), as a CI runner would.</summary>
internal static class RehearseProcess
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    public static async Task<(int Code, string Output)> RunAsync(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "rehearse.dll"), .. args])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"rehearse {string.Join(' ', args)} did not end within {Timeout.TotalMinutes:0} minutes");
        }

        return (process.ExitCode, await output + await error);
    }
}
