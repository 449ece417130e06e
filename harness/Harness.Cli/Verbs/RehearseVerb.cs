using System.CommandLine;
using Harness.Cli.Output;
using Harness.Cli.Targets;
using Harness.Engine.Plans;
using Harness.Engine.Rehearsals;
using Harness.Engine.Reports;
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
        root.Options.Add(phase);
        root.Options.Add(plan);
        root.Options.Add(target);
        root.Options.Add(output);
        root.Options.Add(seed);
        root.Options.Add(capture);
        root.SetAction((parse, cancellationToken) => Guard.RunAsync(context, async () =>
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

            return await ExecuteAsync(context, loaded, selected, parse.GetValue(target)!, parse.GetValue(output), parse.GetValue(seed), cancellationToken, capturePath).ConfigureAwait(false);
        }, cancellationToken));
    }

    /// <summary>The plan from <c>--plan</c>, or the built-in one.</summary>
    public static PhasePlan LoadPlan(VerbContext context, string? path)
    {
        ArgumentNullException.ThrowIfNull(context);
        return path is null ? PlanLoader.LoadDefault() : PlanLoader.LoadFile(context.Resolve(path));
    }

    /// <summary>Starts or checks the target, runs the phase, writes the reports and prints the verdict.</summary>
    public static async Task<int> ExecuteAsync(VerbContext context, PhasePlan plan, Phase phase, string target, string? outDirectory, int seed, CancellationToken cancellationToken, string? capturePath = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(phase);
        var runner = new RehearsalRunner(context.Registry, context.TimeProvider);
        runner.Prepare(phase);
        Uri? url = null;
        if (target != Embedded && (url = TargetSession.ParseUrl(target)) is null)
        {
            return context.Fail(ExitCodes.HarnessOrUsageError, $"--target must be 'embedded' or an absolute http(s) URL, got '{target}'");
        }

        TargetSession session;
        try
        {
            session = url is null
                ? await TargetSession.StartEmbeddedAsync(phase.Configuration, cancellationToken).ConfigureAwait(false)
                : TargetSession.ForUrl(url);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or ReferenceImpl.Api.Hosting.ConfigurationException)
        {
            return context.Fail(ExitCodes.HarnessOrUsageError, $"cannot start the embedded reference service: {e.Message.Split('\n')[0]}");
        }

        await using (session.ConfigureAwait(false))
        {
            var probe = await TargetProbe.ReadAsync(session.Http, cancellationToken).ConfigureAwait(false);
            if (probe.Unreachable)
            {
                return context.Fail(ExitCodes.HarnessOrUsageError, $"target unreachable: {probe.Error}");
            }

            var request = new RehearsalRequest { Plan = plan, Phase = phase, Http = session.Http, TargetKind = session.Kind, Seed = seed, Credentials = session.Credentials, CapturePath = capturePath };
            var report = await RunAsync(context, runner, request, cancellationToken).ConfigureAwait(false);
            var directory = outDirectory is null
                ? ReportFiles.DefaultDirectory(context.WorkingDirectory, report.StartedAt, phase.Name)
                : context.Resolve(outDirectory);
            await ReportFiles.WriteAllAsync(report, directory, cancellationToken).ConfigureAwait(false);
            VerdictPrinter.Print(context.Output, report, directory);
            return report.Verdict.ExitCode();
        }
    }

    private static async Task<RehearsalReport> RunAsync(VerbContext context, RehearsalRunner runner, RehearsalRequest request, CancellationToken cancellationToken)
    {
        if (!context.Output.Interactive)
        {
            context.Output.Out.WriteLine($"rehearsing {request.Phase.Name} against {request.TargetKind} {request.Http.BaseAddress} ({request.Phase.Configuration.Describe()}), seed {request.Seed}");
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
}
