using System.CommandLine;
using Harness.Cli.Output;
using Harness.Cli.Targets;
using Harness.Engine.Findings;
using Harness.Engine.Plans;
using Harness.Engine.Rehearsals;
using Harness.Engine.Reports;
using Harness.Engine.Gates;
using Harness.Engine.Targets;
using Harness.Engine.Verdicts;
using Spectre.Console;

namespace Harness.Cli.Verbs;

/// <summary><c>rehearse --phase &lt;name&gt; [--plan &lt;file&gt;] [--target embedded|&lt;url&gt;] [--out &lt;dir&gt;] [--seed &lt;n&gt;]</c>.</summary>
public static class RehearseVerb
{
    /// <summary>Value of <c>--target</c> that starts the reference service in-process.</summary>
    public const string Embedded = "embedded";

    /// <summary>Adds the options and the action to the root command.</summary>
    public static void Configure(RootCommand root, VerbContext context)
    {
        ArgumentNullException.ThrowIfNull(root);
        var phase = new Option<string>("--phase") { Description = "The phase to rehearse (see 'rehearse phases')." };
        var plan = new Option<string?>("--plan") { Description = "A YAML phase plan; default the built-in plan (contract section 11)." };
        var target = new Option<string>("--target")
        {
            Description = "'embedded' (default: the reference service in-process, in the phase's configuration) or a base URL.",
            DefaultValueFactory = _ => Embedded,
        };
        var output = new Option<string?>("--out") { Description = "Report directory; default reports/<UTC timestamp>-<phase>." };
        var seed = new Option<int>("--seed") { Description = "Seed of all generated requests; default 1.", DefaultValueFactory = _ => 1 };
        var capture = new Option<string?>("--capture") { Description = "A capture of real traffic (JSON lines of {method, path, body}) for the traffic-readiness gates (unknown-rate, would-reject-rate)." };
        var database = new Option<string?>("--database") { Description = "With a URL target: the target's database (Npgsql connection string; default $REHEARSE_DATABASE_URL) for the migration gates. Use a staging copy: the rehearsal migrates it, kills the migration, resumes and rolls back." };
        var stores = new Option<string>("--stores")
        {
            Description = "Embedded target only: 'containers' (real Postgres and Redis in containers, the database filled with generated legacy data), 'memory', or 'auto' (default: containers when the phase has a migration gate).",
            DefaultValueFactory = _ => "auto",
        };
        stores.AcceptOnlyFromAmong("auto", "memory", "containers");
        var prometheus = new Option<string?>("--prometheus") { Description = "Your Prometheus (base URL), which already scrapes the target with observability/rules loaded; default: the harness starts its own for phases with PromQL gates or the alert-chain drill." };
        var alertmanager = new Option<string?>("--alertmanager") { Description = "With --prometheus: your Alertmanager (base URL), which routes the target's alerts to its webhook." };
        var instances = new Option<string[]>("--instance") { Description = "With the harness's own Prometheus: an instance of the target to scrape (base URL; repeat for each); default the target URL.", AllowMultipleArgumentsPerToken = false };
        var webhookUrl = new Option<string?>("--webhook-url") { Description = "With the harness's own Alertmanager: where it posts alerts; default the target's auto-downgrade webhook." };
        var ledger = new Option<string?>("--ledger") { Description = "A promotion ledger (JSON file, created when missing): the phase needs a GO of the rung before it for the same target, and its verdict is appended." };
        var force = new Option<bool>("--force") { Description = "With --ledger: promote without the required rung; needs --reason, and the override is reported and recorded." };
        var reason = new Option<string?>("--reason") { Description = "With --force: why the missing rung is overridden." };
        var knownFindings = new Option<string?>("--known-findings") { Description = "Findings your team reviewed and accepted (JSON file written by 'rehearse findings accept'): a gate failing only on them does not decide, so the phase fails only on new regressions; the report lists accepted, new and fixed findings." };
        var baseline = new Option<string?>("--baseline") { Description = "A baseline: the report (directory or report.json) of an earlier phase with a baseline-load gate, such as 'rehearse --phase off --out base'; the baseline-load gates compare this run with it (latency by rank test, error ratio, memory)." };
        var redisContainer = new Option<string?>("--redis-container") { Description = "With a URL target: the Docker container (name or id, on this machine's engine) of the target's Redis, which the Redis drills pause and stop; without it they are not applicable." };
        var postgresContainer = new Option<string?>("--postgres-container") { Description = "With a URL target: the Docker container (name or id) of the target's Postgres, which the Postgres drills pause and stop; without it they are not applicable." };
        root.Options.Add(redisContainer);
        root.Options.Add(postgresContainer);
        var latencyCommand = new Option<string?>("--latency-command")
        {
            Description = "With a URL target: a command (run by /bin/sh) that slows the target's Redis or Postgres, for the latency drill: {dependency} is replaced by redis or postgres and {ms} by the added milliseconds, 0 to restore (for example tc netem in the dependency's container); without it the drill is not applicable.",
        };
        root.Options.Add(latencyCommand);
        root.Options.Add(baseline);
        root.Options.Add(knownFindings);
        root.Options.Add(ledger);
        root.Options.Add(force);
        root.Options.Add(reason);
        root.Options.Add(prometheus);
        root.Options.Add(alertmanager);
        root.Options.Add(instances);
        root.Options.Add(webhookUrl);
        root.Options.Add(phase);
        root.Options.Add(plan);
        root.Options.Add(target);
        root.Options.Add(output);
        root.Options.Add(seed);
        root.Options.Add(capture);
        root.Options.Add(database);
        root.Options.Add(stores);
        root.SetAction((parse, cancellationToken) => VerbRunner.RunAsync(context, async () =>
        {
            var phaseName = parse.GetValue(phase);
            var loaded = LoadPlan(context, parse.GetValue(plan));
            if (string.IsNullOrEmpty(phaseName))
            {
                return context.Fail(ExitCodes.HarnessOrUsageError, $"--phase is required (phases: {string.Join(", ", loaded.Phases.Select(p => p.Name))})");
            }

            if (loaded.Find(phaseName) is not { } selected)
            {
                return context.Fail(ExitCodes.HarnessOrUsageError, $"unknown phase '{phaseName}' (plan {loaded.Source} has: {string.Join(", ", loaded.Phases.Select(p => p.Name))})");
            }

            var capturePath = parse.GetValue(capture) is { } c ? context.Resolve(c) : null;
            if (capturePath is not null && !File.Exists(capturePath))
            {
                return context.Fail(ExitCodes.HarnessOrUsageError, $"--capture: no file '{capturePath}'");
            }

            var databaseUrl = parse.GetValue(database) ?? context.Environment.Get("REHEARSE_DATABASE_URL");
            if (databaseUrl is not null && StageData.ConnectionStrings.Problem(databaseUrl) is { } databaseError)
            {
                return context.Fail(ExitCodes.HarnessOrUsageError, $"--database: {databaseError}");
            }

            var targetValue = parse.GetValue(target)!;
            if (targetValue == Embedded && parse.GetValue(database) is not null)
            {
                return context.Fail(ExitCodes.HarnessOrUsageError, "--database is for a URL target; the embedded target brings its own database (--stores containers)");
            }

            var named = new Dictionary<Dependency, string>();
            foreach (var (option, dependency) in new[] { (redisContainer, Dependency.Redis), (postgresContainer, Dependency.Postgres) })
            {
                if (parse.GetValue(option) is not { } container)
                {
                    continue;
                }

                if (targetValue == Embedded)
                {
                    return context.Fail(ExitCodes.HarnessOrUsageError, $"{option.Name} is for a URL target; the drills act on the embedded target's own containers");
                }

                if (container.Length == 0 || container.StartsWith('-'))
                {
                    return context.Fail(ExitCodes.HarnessOrUsageError, $"{option.Name} needs a container name or id, got '{container}'");
                }

                named[dependency] = container;
            }

            var latency = parse.GetValue(latencyCommand);
            if (latency is not null)
            {
                if (targetValue == Embedded)
                {
                    return context.Fail(ExitCodes.HarnessOrUsageError, "--latency-command is for a URL target; the latency drill slows the embedded target in-process");
                }

                if (CommandLatency.Problem(latency) is { } latencyProblem)
                {
                    return context.Fail(ExitCodes.HarnessOrUsageError, latencyProblem);
                }
            }

            var monitoringChoice = MonitoringChoice(parse.GetValue(prometheus), parse.GetValue(alertmanager), parse.GetValue(instances) ?? [], parse.GetValue(webhookUrl), out var monitoringError);
            if (monitoringError is not null)
            {
                return context.Fail(ExitCodes.HarnessOrUsageError, monitoringError);
            }

            var ledgerChoice = LedgerSession.Choose(context, parse.GetValue(ledger), parse.GetValue(force), parse.GetValue(reason), out var ledgerError);
            if (ledgerError is not null)
            {
                return context.Fail(ExitCodes.HarnessOrUsageError, ledgerError);
            }

            (IReadOnlyList<KnownFinding>, string)? known = null;
            if (parse.GetValue(knownFindings) is { } knownPath)
            {
                var resolved = context.Resolve(knownPath);
                if (!File.Exists(resolved))
                {
                    return context.Fail(ExitCodes.HarnessOrUsageError, $"--known-findings: no file '{resolved}' (write one with 'rehearse findings accept --report <dir> --known-findings {knownPath} --reason <why>')");
                }

                try
                {
                    known = (await KnownFindingsFile.ReadAsync(resolved, cancellationToken).ConfigureAwait(false), resolved);
                }
                catch (FormatException e)
                {
                    return context.Fail(ExitCodes.HarnessOrUsageError, $"--known-findings: {e.Message}");
                }
            }

            Harness.Engine.Gates.Baseline.BaselineMeasurements? baselineMeasurements = null;
            if (parse.GetValue(baseline) is { } baselinePath)
            {
                var resolved = context.Resolve(baselinePath);
                resolved = Directory.Exists(resolved) ? Path.Combine(resolved, "report.json") : resolved;
                if (!File.Exists(resolved))
                {
                    return context.Fail(ExitCodes.HarnessOrUsageError, $"--baseline: no file '{resolved}' (write one with 'rehearse --phase off --out base')");
                }

                try
                {
                    var baselineReport = ReportJson.Read(await File.ReadAllTextAsync(resolved, cancellationToken).ConfigureAwait(false), resolved);
                    baselineMeasurements = Harness.Engine.Gates.Baseline.BaselineMeasurements.From(baselineReport, resolved);
                }
                catch (FormatException e)
                {
                    return context.Fail(ExitCodes.HarnessOrUsageError, $"--baseline: {e.Message}");
                }
            }

            var storesValue = parse.GetValue(stores)!;
            var containers = storesValue == "containers" || (storesValue == "auto" && NeedsContainers(context.Registry, selected));
            return await ExecuteAsync(context, loaded, selected, new TargetChoice(targetValue, databaseUrl, containers) { Monitoring = monitoringChoice!, Ledger = ledgerChoice, KnownFindings = known, Baseline = baselineMeasurements, DependencyContainers = named, LatencyCommand = latency }, parse.GetValue(output), parse.GetValue(seed), cancellationToken, capturePath).ConfigureAwait(false);
        }, cancellationToken));
    }

    /// <summary>
    /// The plan from <c>--plan</c>, or the built-in one, with every gate of every phase built once:
    /// an unknown kind, a threshold in the wrong unit or unusable parameters anywhere in the plan is a
    /// plan error (exit 3) before any target is touched.
    /// </summary>
    public static PhasePlan LoadPlan(VerbContext context, string? path)
    {
        ArgumentNullException.ThrowIfNull(context);
        var plan = path is null ? PlanLoader.LoadDefault() : PlanLoader.LoadFile(context.Resolve(path));
        var runner = new RehearsalRunner(context.Registry, context.TimeProvider);
        var errors = new List<string>();
        foreach (var phase in plan.Phases)
        {
            try
            {
                runner.Prepare(phase);
            }
            catch (PlanException e)
            {
                errors.Add(e.Message);
            }
        }

        return errors.Count == 0 ? plan : throw new PlanException($"{plan.Source}: {string.Join("; ", errors)}");
    }

    /// <summary>What <c>--prometheus</c>, <c>--alertmanager</c>, <c>--instance</c> and <c>--webhook-url</c> chose, or why they cannot be used.</summary>
    public static MonitoringSession.Choice? MonitoringChoice(string? prometheus, string? alertmanager, IReadOnlyList<string> instances, string? webhookUrl, out string? error)
    {
        ArgumentNullException.ThrowIfNull(instances);
        error = null;
        Uri? Parse(string option, string? text, ref string? problem)
        {
            if (text is null || problem is not null)
            {
                return null;
            }

            var url = TargetSession.ParseUrl(text);
            problem = url is null ? $"{option} must be an absolute http(s) URL, got '{text}'" : null;
            return url;
        }

        var prometheusUrl = Parse("--prometheus", prometheus, ref error);
        var alertmanagerUrl = Parse("--alertmanager", alertmanager, ref error);
        var webhook = Parse("--webhook-url", webhookUrl, ref error);
        var parsed = new List<Uri>();
        foreach (var instance in instances)
        {
            if (Parse("--instance", instance, ref error) is { } u)
            {
                parsed.Add(u);
            }
        }

        if (error is null && alertmanagerUrl is not null && prometheusUrl is null)
        {
            error = "--alertmanager goes with --prometheus (your own pair); without them the harness starts both";
        }

        if (error is null && prometheusUrl is not null && (parsed.Count > 0 || webhook is not null))
        {
            error = "--instance and --webhook-url configure the harness's own Prometheus and Alertmanager; with --prometheus your own configuration decides";
        }

        if (error is null && parsed.Count > 1 && parsed.Any(u => u.Scheme != parsed[0].Scheme || u.AbsolutePath != parsed[0].AbsolutePath))
        {
            error = "--instance URLs must share one scheme and path (they differ only in host and port)";
        }

        return error is null ? new MonitoringSession.Choice(prometheusUrl, alertmanagerUrl, parsed, webhook) : null;
    }

    /// <summary>True when a gate of the phase declares that it needs the target's database (<see cref="Harness.Engine.Gates.Kinds.GateNeeds.Database"/>).</summary>
    public static bool NeedsDatabase(Harness.Engine.Gates.GateKindRegistry registry, Phase phase) =>
        phase?.Gates.Any(g => registry?.Describe(g.Kind)?.Needs.HasFlag(Harness.Engine.Gates.Kinds.GateNeeds.Database) == true) ?? false;

    /// <summary>True when the embedded target needs its real stores for the phase: a gate needs its database, or control of its Redis or Postgres, or to slow them (the drills).</summary>
    public static bool NeedsContainers(Harness.Engine.Gates.GateKindRegistry registry, Phase phase)
    {
        const Harness.Engine.Gates.Kinds.GateNeeds stores = Harness.Engine.Gates.Kinds.GateNeeds.Database | Harness.Engine.Gates.Kinds.GateNeeds.RedisControl | Harness.Engine.Gates.Kinds.GateNeeds.PostgresControl
            | Harness.Engine.Gates.Kinds.GateNeeds.LatencyControl;
        return phase?.Gates.Any(g => ((registry?.Describe(g.Kind)?.Needs ?? 0) & stores) != 0) ?? false;
    }

    /// <summary>Starts or checks the target, runs the phase, writes the reports and prints the verdict.</summary>
    public static Task<int> ExecuteAsync(VerbContext context, PhasePlan plan, Phase phase, string target, string? outDirectory, int seed, CancellationToken cancellationToken, string? capturePath = null) =>
        ExecuteAsync(context, plan, phase, new TargetChoice(target, null, Containers: false), outDirectory, seed, cancellationToken, capturePath);

    /// <summary>Starts or checks the target, runs the phase, writes the reports and prints the verdict.</summary>
    public static async Task<int> ExecuteAsync(VerbContext context, PhasePlan plan, Phase phase, TargetChoice choice, string? outDirectory, int seed, CancellationToken cancellationToken, string? capturePath = null, LegacyData? legacy = null)
    {
        ArgumentNullException.ThrowIfNull(choice);
        var target = choice.Target;
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(phase);
        var runner = new RehearsalRunner(context.Registry, context.TimeProvider);
        runner.Prepare(phase);
        Uri? url = null;
        if (target != Embedded && (url = TargetSession.ParseUrl(target)) is null)
        {
            return context.Fail(ExitCodes.HarnessOrUsageError, $"--target must be 'embedded' or an absolute http(s) URL, got '{target}'");
        }

        IReadOnlyList<GateReport> prior = [];
        if (choice.Ledger is { } ledgerChoice)
        {
            var rung = await LedgerSession.CheckAsync(ledgerChoice, plan, phase, target, context.TimeProvider.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            if (rung.Error is not null)
            {
                return context.Fail(ExitCodes.HarnessOrUsageError, rung.Error);
            }

            prior = [rung.Gate!];
        }

        TargetSession session;
        try
        {
            DockerDependencies? named = null;
            if (url is not null && choice.DependencyContainers.Count > 0)
            {
                named = new DockerDependencies(choice.DependencyContainers);
                if (await named.ProblemAsync(cancellationToken).ConfigureAwait(false) is { } problem)
                {
                    return context.Fail(ExitCodes.HarnessOrUsageError, problem);
                }
            }

            session = url is null
                ? await TargetSession.StartEmbeddedAsync(phase.Configuration, choice.Containers, legacy ?? new LegacyData(), seed, context.Output.Out, cancellationToken, context.Environment).ConfigureAwait(false)
                : TargetSession.ForUrl(url, choice.Database, context.Environment, named, choice.LatencyCommand is { } command ? new CommandLatency(command) : null);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or ReferenceImpl.Api.Hosting.ConfigurationException
                                  or Npgsql.NpgsqlException or DotNet.Testcontainers.Builders.DockerUnavailableException or TimeoutException or ArgumentException)
        {
            return context.Fail(ExitCodes.HarnessOrUsageError, $"cannot start the embedded reference service{(choice.Containers ? " with its containers" : "")}: {e.Message.Split('\n')[0]}");
        }

        await using (session.ConfigureAwait(false))
        {
            var probe = await TargetProbe.ReadAsync(session.Client, StageContract.ContractRules.Default.Endpoints.Routes, cancellationToken).ConfigureAwait(false);
            if (probe.Unreachable)
            {
                return context.Fail(ExitCodes.HarnessOrUsageError, $"target unreachable: {probe.Error}");
            }

            var directory = outDirectory is null
                ? ReportFiles.DefaultDirectory(context.WorkingDirectory, context.TimeProvider.GetUtcNow(), phase.Name)
                : context.Resolve(outDirectory);
            Harness.Engine.Observability.Live.Monitoring? monitoring;
            try
            {
                monitoring = await MonitoringSession.StartAsync(context.Registry, plan, phase, choice.Monitoring, session.Http.BaseAddress!, session.Credentials.WebhookBearerToken,
                    Path.Combine(directory, "observability", "rehearsal"), context.Environment, context.Output.Out, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException or IOException or ArgumentException or HttpRequestException
                                      or Harness.Engine.Observability.Live.PrometheusQueryException or System.ComponentModel.Win32Exception)
            {
                return context.Fail(ExitCodes.HarnessOrUsageError, $"cannot start Prometheus and Alertmanager for the phase's PromQL gates and alert-chain drill: {e.Message.Split('\n')[0]}");
            }

            await using var monitoringScope = (monitoring ?? (IAsyncDisposable)NoMonitoring.Instance).ConfigureAwait(false);
            var request = new RehearsalRequest
            {
                Plan = plan, Phase = phase, Http = session.Http, Client = session.Client, TargetKind = session.Kind, Seed = seed, Credentials = session.Credentials, CapturePath = capturePath,
                Database = session.Database, Dependencies = session.Dependencies, Latency = session.Latency, ArtifactsDirectory = Path.Combine(directory, "artifacts"), Monitoring = monitoring, PriorGates = prior,
                KnownFindings = choice.KnownFindings,
                Baseline = choice.Baseline,
            };
            var report = await RunAsync(context, runner, request, cancellationToken).ConfigureAwait(false);
            await ReportFiles.WriteAllAsync(report, directory, cancellationToken).ConfigureAwait(false);
            if (choice.Ledger is { } recorded)
            {
                await LedgerSession.RecordAsync(context, recorded, report, target, directory, cancellationToken).ConfigureAwait(false);
            }

            VerdictPrinter.Print(context.Output, report, directory);
            return report.Verdict.ExitCode();
        }
    }

    /// <summary>What <c>--target</c>, <c>--database</c> and <c>--stores</c> chose.</summary>
    /// <param name="Target"><c>embedded</c> or a URL.</param>
    /// <param name="Database">The URL target's database, if given.</param>
    /// <param name="Containers">The embedded target runs on real Postgres and Redis containers.</param>
    public sealed record TargetChoice(string Target, string? Database, bool Containers)
    {
        /// <summary>The Prometheus and Alertmanager to judge with; default the harness's own, scraping the target.</summary>
        public MonitoringSession.Choice Monitoring { get; init; } = MonitoringSession.Choice.Default;

        /// <summary>The promotion ledger to check and append to; null without <c>--ledger</c>.</summary>
        public LedgerSession.Choice? Ledger { get; init; }

        /// <summary>A URL target's Redis and Postgres containers named by <c>--redis-container</c> and <c>--postgres-container</c>, for the drills; default none.</summary>
        public IReadOnlyDictionary<Dependency, string> DependencyContainers { get; init; } = new Dictionary<Dependency, string>();

        /// <summary>A URL target's <c>--latency-command</c>, for the latency drill; null when none.</summary>
        public string? LatencyCommand { get; init; }

        /// <summary>The baseline to compare with; null without <c>--baseline</c>.</summary>
        public Harness.Engine.Gates.Baseline.BaselineMeasurements? Baseline { get; init; }

        /// <summary>The findings the team accepted and their file; null without <c>--known-findings</c>.</summary>
        public (IReadOnlyList<KnownFinding> Findings, string Source)? KnownFindings { get; init; }
    }

    private static async Task<RehearsalReport> RunAsync(VerbContext context, RehearsalRunner runner, RehearsalRequest request, CancellationToken cancellationToken)
    {
        if (!context.Output.Interactive)
        {
            context.Output.Out.WriteLine($"rehearsing {request.Phase.Name} against {request.TargetKind.ToWire()} {request.Http.BaseAddress} ({request.Phase.Configuration.Describe()}), seed {request.Seed}");
            return await runner.RunAsync(request, new PlainObserver(context.Output.Out), cancellationToken).ConfigureAwait(false);
        }

        RehearsalReport? report = null;
        await Consoles.For(context.Output.Out).Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new SpinnerColumn(), new ElapsedTimeColumn())
            .StartAsync(async progress =>
            {
                report = await runner.RunAsync(request, new SpectreObserver(progress), cancellationToken).ConfigureAwait(false);
            }).ConfigureAwait(false);
        return report!;
    }

    private sealed class NoMonitoring : IAsyncDisposable
    {
        public static NoMonitoring Instance { get; } = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
