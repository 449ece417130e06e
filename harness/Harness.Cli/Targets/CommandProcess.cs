using System.Diagnostics;

namespace Harness.Cli.Targets;

/// <summary>A command run to its end for the drills' controls (Docker, <c>--latency-command</c>): its exit code and output, bounded in time.</summary>
internal static class CommandProcess
{
    /// <summary>Runs <paramref name="file"/> with <paramref name="arguments"/>; past <paramref name="limit"/> it is killed and a <see cref="TimeoutException"/> thrown; a file that cannot start is an <see cref="InvalidOperationException"/>.</summary>
    public static async Task<(int Code, string Stdout, string Stderr)> RunAsync(string file, TimeSpan limit, CancellationToken cancellationToken, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{file} could not be started");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{file} could not be started: {e.Message}", e);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{file} {string.Join(' ', arguments)} did not finish within {limit.TotalSeconds:0} s");
            }

            return (process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
        }
    }
}
