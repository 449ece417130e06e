using System.Diagnostics;
using Harness.Engine.Gates;
using Harness.Engine.Gates.Kinds;
using Harness.Engine.Observability;
using Harness.Engine.Observability.Live;
using Harness.Engine.Plans;

namespace Harness.Cli.Targets;

/// <summary>
/// The Prometheus and Alertmanager of a rehearsal whose phase has gates that need them: the team's
/// own (<c>--prometheus</c>, <c>--alertmanager</c>), or started here from the Debian binaries
/// (<c>REHEARSE_PROMETHEUS</c>, <c>REHEARSE_ALERTMANAGER</c>, else <c>PATH</c>; when missing, the
/// script in <c>REHEARSE_OBSERVABILITY_PROVISION</c>, which <c>./rehearse</c> sets, installs them).
/// </summary>
public static class MonitoringSession
{
    /// <summary>What the command line chose.</summary>
    /// <param name="Prometheus">A team's Prometheus, or null to start one.</param>
    /// <param name="Alertmanager">A team's Alertmanager (with <paramref name="Prometheus"/>), or null.</param>
    /// <param name="Instances">Instances to scrape (default the target URL).</param>
    /// <param name="WebhookUrl">Where Alertmanager posts (default the target's webhook).</param>
    public sealed record Choice(Uri? Prometheus, Uri? Alertmanager, IReadOnlyList<Uri> Instances, Uri? WebhookUrl)
    {
        /// <summary>Nothing chosen: start our own, scrape the target.</summary>
        public static Choice Default { get; } = new(null, null, [], null);
    }

    /// <summary>The needs of the phase's gates that a monitoring stack meets.</summary>
    public static GateNeeds Needs(GateKindRegistry registry, Phase phase)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(phase);
        return phase.Gates.Aggregate(GateNeeds.None, (needs, g) => needs | ((registry.Describe(g.Kind)?.Needs ?? GateNeeds.None) & (GateNeeds.Prometheus | GateNeeds.Alertmanager)));
    }

    /// <summary>The stack for the phase, or null when no gate needs one.</summary>
    public static async Task<Monitoring?> StartAsync(GateKindRegistry registry, PhasePlan plan, Phase phase, Choice choice, Uri target, string? webhookToken,
        string directory, CliEnvironment environment, TextWriter progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(choice);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(progress);
        var needs = Needs(registry, phase);
        if (needs == GateNeeds.None)
        {
            return null;
        }

        if (choice.Prometheus is { } theirs)
        {
            var monitoring = Monitoring.ForTeam(theirs, choice.Alertmanager, plan.Observability, TimeProvider.System);
            await progress.WriteLineAsync($"using {monitoring.Describe()}").ConfigureAwait(false);
            return monitoring;
        }

        var prometheus = await FindAsync("REHEARSE_PROMETHEUS", ["prometheus"], environment, cancellationToken).ConfigureAwait(false);
        var alertmanager = needs.HasFlag(GateNeeds.Alertmanager)
            ? await FindAsync("REHEARSE_ALERTMANAGER", ["prometheus-alertmanager", "alertmanager"], environment, cancellationToken).ConfigureAwait(false)
            : null;
        var clock = Stopwatch.StartNew();
        var started = await Monitoring.StartAsync(new StackStart
        {
            PrometheusBinary = prometheus,
            AlertmanagerBinary = alertmanager,
            Instances = choice.Instances.Count > 0 ? choice.Instances : [target],
            WebhookUrl = choice.WebhookUrl ?? new Uri(target, AlertWebhookPath),
            WebhookBearerToken = webhookToken,
            Directory = directory,
            Settings = plan.Observability,
            Rules = ObservabilityArtifacts.Rules,
        }, TimeProvider.System, cancellationToken).ConfigureAwait(false);
        await progress.WriteLineAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"started {started.Describe()}; ready and scraped in {clock.Elapsed.TotalSeconds:0.0}s")).ConfigureAwait(false);
        return started;
    }

    private const string AlertWebhookPath = Harness.Engine.Gates.Drills.AlertWebhook.Path;

    private static async Task<string> FindAsync(string variable, string[] names, CliEnvironment environment, CancellationToken cancellationToken)
    {
        if (environment.Get(variable) is { } configured)
        {
            return File.Exists(configured) ? configured : throw new InvalidOperationException($"{variable} names '{configured}', which does not exist");
        }

        if (OnPath(names) is { } found)
        {
            return found;
        }

        if (environment.Get("REHEARSE_OBSERVABILITY_PROVISION") is { } script)
        {
            var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add(script);
            using var process = Process.Start(start) ?? throw new InvalidOperationException("bash could not be started");
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            if (process.ExitCode != 0)
            {
                var last = (await stderr.ConfigureAwait(false)).Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? $"exit {process.ExitCode}";
                throw new InvalidOperationException($"provisioning Prometheus and Alertmanager failed: {last}");
            }

            foreach (var line in (await stdout.ConfigureAwait(false)).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (line.StartsWith($"export {variable}=", StringComparison.Ordinal))
                {
                    return line[(variable.Length + 8)..].Trim('\'', '"');
                }
            }
        }

        throw new InvalidOperationException($"{names[0]} not found: install Debian's package (tools/observability/provision), set {variable}, or give your own with --prometheus/--alertmanager");
    }

    private static string? OnPath(string[] names) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(dir => names.Select(n => Path.Combine(dir, n)))
            .FirstOrDefault(File.Exists);
}
