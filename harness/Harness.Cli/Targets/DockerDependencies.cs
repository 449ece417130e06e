using System.Globalization;
using Harness.Engine.Targets;

namespace Harness.Cli.Targets;

/// <summary>
/// The target's Redis and Postgres as containers of this machine's Docker engine, acted on with the
/// Docker CLI (<c>docker pause</c>/<c>unpause</c>/<c>stop</c>/<c>start</c>). Containers are named by name or id; the embedded target passes its own.
/// A container that is restarted keeps its host ports only when they were bound explicitly, as the
/// embedded target's are (a restarted container on a random port would be unreachable).
/// </summary>
public sealed class DockerDependencies : IDependencyControl
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);
    private readonly IReadOnlyDictionary<Dependency, string> _containers;

    /// <summary>Controls the containers of <paramref name="containers"/> (name or id per dependency).</summary>
    public DockerDependencies(IReadOnlyDictionary<Dependency, string> containers)
    {
        ArgumentNullException.ThrowIfNull(containers);
        _containers = containers;
    }

    /// <summary>Seconds <c>docker stop</c> waits for a clean shutdown before it kills the container; default 2.</summary>
    public int StopGraceSeconds { get; init; } = 2;

    /// <summary>Checks that every named container exists and runs; the one-line problem, or null.</summary>
    public async Task<string?> ProblemAsync(CancellationToken cancellationToken)
    {
        foreach (var (dependency, container) in _containers)
        {
            var (code, stdout, stderr) = await DockerAsync(cancellationToken, "inspect", "--format", "{{.State.Running}}", container).ConfigureAwait(false);
            if (code != 0)
            {
                return $"--{dependency.ToString().ToLowerInvariant()}-container: {LastLine(stderr, code)}";
            }

            if (stdout.Trim() != "true")
            {
                return $"--{dependency.ToString().ToLowerInvariant()}-container: container '{container}' is not running";
            }
        }

        return null;
    }

    /// <inheritdoc />
    public string? Describe(Dependency dependency) =>
        _containers.TryGetValue(dependency, out var container) ? $"container {container} (docker)" : null;

    /// <inheritdoc />
    public Task BreakAsync(Dependency dependency, Outage how, CancellationToken cancellationToken) => how switch
    {
        Outage.Pause => RunAsync(cancellationToken, "pause", Container(dependency)),
        _ => RunAsync(cancellationToken, "stop", "--time", StopGraceSeconds.ToString(CultureInfo.InvariantCulture), Container(dependency)),
    };

    /// <inheritdoc />
    public Task RepairAsync(Dependency dependency, Outage how, CancellationToken cancellationToken) => how switch
    {
        Outage.Pause => RunAsync(cancellationToken, "unpause", Container(dependency)),
        _ => RunAsync(cancellationToken, "start", Container(dependency)),
    };

    private string Container(Dependency dependency) =>
        _containers.TryGetValue(dependency, out var container) ? container : throw new InvalidOperationException($"no container is named for {dependency}");

    private static async Task RunAsync(CancellationToken cancellationToken, params string[] arguments)
    {
        var (code, _, stderr) = await DockerAsync(cancellationToken, arguments).ConfigureAwait(false);
        if (code != 0)
        {
            throw new InvalidOperationException($"docker {string.Join(' ', arguments)}: {LastLine(stderr, code)}");
        }
    }

    private static Task<(int Code, string Stdout, string Stderr)> DockerAsync(CancellationToken cancellationToken, params string[] arguments) =>
        CommandProcess.RunAsync("docker", CommandTimeout, cancellationToken, arguments);

    private static string LastLine(string stderr, int code) =>
        stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? $"exit {code}";
}
