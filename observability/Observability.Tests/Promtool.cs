using System.Diagnostics;

namespace Observability.Tests;

/// <summary>
/// Runs Debian's <c>promtool</c> (package <c>prometheus</c>, installed by
/// <c>tools/observability/provision</c>, which <c>./run-tests</c> calls). A missing promtool fails the
/// test with that instruction: a rule file nobody checked is not a pass.
/// </summary>
internal static class Promtool
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string workingDirectory, params string[] arguments)
    {
        var path = Environment.GetEnvironmentVariable("REHEARSE_PROMTOOL") is { Length: > 0 } configured ? configured : Find();
        var start = new ProcessStartInfo(path)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {path}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    private static string Find()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, "promtool");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("promtool is not installed: run tools/observability/provision (Debian's prometheus package), as ./run-tests does");
    }
}
