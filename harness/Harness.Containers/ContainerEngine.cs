using System.Diagnostics;

namespace Harness.Containers;

/// <summary>
/// Makes sure a Docker engine and the images are there before containers are started, by running
/// <c>tools/containers/provision</c> (path in <c>REHEARSE_PROVISION</c>, which <c>./rehearse</c>
/// sets) and taking over the environment it prints (<c>DOCKER_API_VERSION</c>,
/// <c>TESTCONTAINERS_RYUK_DISABLED</c>, image names). Without the script, the engine and images must
/// already be there. An engine the script started is stopped again by <see cref="DisposeAsync"/>.
/// </summary>
public sealed class ContainerEngine : IAsyncDisposable
{
    private readonly string? _script;
    private readonly bool _startedEngine;

    private ContainerEngine(string? script, bool startedEngine)
    {
        _script = script;
        _startedEngine = startedEngine;
    }

    /// <summary>Provisions (when the script is known) and returns a handle that stops what it started.</summary>
    public static async Task<ContainerEngine> EnsureAsync(TextWriter progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var script = Environment.GetEnvironmentVariable("REHEARSE_PROVISION");
        if (string.IsNullOrEmpty(script))
        {
            Environment.SetEnvironmentVariable("TESTCONTAINERS_RYUK_DISABLED", Environment.GetEnvironmentVariable("TESTCONTAINERS_RYUK_DISABLED") ?? "true");
            return new ContainerEngine(null, startedEngine: false);
        }

        var (code, stdout, stderr) = await RunAsync(script, [], cancellationToken).ConfigureAwait(false);
        if (code != 0)
        {
            var last = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? $"exit {code}";
            throw new InvalidOperationException($"container provisioning failed: {last}");
        }

        var started = false;
        foreach (var line in stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith("export ", StringComparison.Ordinal) && line[7..].Split('=', 2) is [var name, var value])
            {
                Environment.SetEnvironmentVariable(name, value);
                started |= name == "REHEARSE_STARTED_ENGINE" && value == "1";
            }
        }

        if (started)
        {
            await progress.WriteLineAsync("started a Docker engine for this run; it is stopped at the end").ConfigureAwait(false);
        }

        return new ContainerEngine(script, started);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_startedEngine && _script is not null)
        {
            await RunAsync(_script, ["stop"], CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(string script, string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash could not be started");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return (process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
    }
}
