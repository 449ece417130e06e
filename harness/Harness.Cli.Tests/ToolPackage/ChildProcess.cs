using System.Diagnostics;

namespace Harness.Cli.Tests.ToolPackage;

/// <summary>What a child process did.</summary>
internal sealed record ProcessRun(int ExitCode, string Stdout, string Stderr, TimeSpan Elapsed)
{
    public string Describe(string what) =>
        $"{what} exited {ExitCode} after {Elapsed.TotalSeconds:F1} s\n--- stdout (end)\n{Tail(Stdout)}\n--- stderr (end)\n{Tail(Stderr)}";

    private static string Tail(string text) => text.Length <= 4000 ? text : "..." + text[^4000..];
}

/// <summary>Runs a program to its end with captured output, killed (with its children) at the timeout.</summary>
internal static class ChildProcess
{
    /// <summary>The dotnet host running the tests (DOTNET_HOST_PATH), else the one on the PATH.</summary>
    public static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    public static async Task<ProcessRun> RunAsync(string file, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file)
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

        // `dotnet test` leaves MSBuild's own variables in the test host's environment; a child build must
        // find its SDK from global.json as a developer's shell would, not inherit the test run's MSBuild.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} could not be started");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"{file} {string.Join(' ', start.ArgumentList)} did not finish within {timeout}; killed. stdout: {await stdout}");
        }

        return new ProcessRun(process.ExitCode, await stdout, await stderr, clock.Elapsed);
    }
}
