using System.Globalization;
using Harness.Engine.Targets;

namespace Harness.Cli.Targets;

/// <summary>
/// A URL target's Redis and Postgres slowed by a command the rehearsal names (<c>--latency-command</c>),
/// run by <c>/bin/sh -c</c> with <c>{dependency}</c> replaced by <c>redis</c> or <c>postgres</c> and
/// <c>{ms}</c> by the added milliseconds (<c>0</c> restores), for example
/// <c>docker exec {dependency} tc qdisc replace dev eth0 root netem delay {ms}ms</c>. Only those two
/// values, both the harness's own, are put into the command, so nothing outside can inject into it.
/// A command that exits non-zero or runs past a minute stops the drill with its last line of stderr.
/// </summary>
public sealed class CommandLatency : ILatencyControl
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);
    private readonly string _template;

    /// <summary>Runs <paramref name="template"/>, which must name <c>{ms}</c>.</summary>
    public CommandLatency(string template)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(template);
        _template = template;
    }

    /// <summary>Why <paramref name="template"/> cannot be a latency command; null when it can.</summary>
    public static string? Problem(string template) =>
        string.IsNullOrWhiteSpace(template) ? "--latency-command needs a command"
        : !template.Contains("{ms}", StringComparison.Ordinal) ? $"--latency-command must name {{ms}} (the added milliseconds, 0 to restore), got '{template}'"
        : null;

    /// <inheritdoc />
    public string? Describe(Dependency dependency) => $"command: {Command(dependency, "{ms}")}";

    /// <inheritdoc />
    public async Task SetAsync(Dependency dependency, TimeSpan added, CancellationToken cancellationToken)
    {
        var command = Command(dependency, ((long)Math.Round(added.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture));
        var (code, _, error) = await CommandProcess.RunAsync("/bin/sh", CommandTimeout, cancellationToken, "-c", command).ConfigureAwait(false);
        if (code != 0)
        {
            var last = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";
            throw new InvalidOperationException($"--latency-command exited {code}: {command}{(last.Length > 0 ? ": " + last : "")}");
        }
    }

    private string Command(Dependency dependency, string milliseconds) =>
        _template.Replace("{dependency}", dependency.ToString().ToLowerInvariant(), StringComparison.Ordinal).Replace("{ms}", milliseconds, StringComparison.Ordinal);
}
