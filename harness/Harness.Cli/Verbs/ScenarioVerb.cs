using System.CommandLine;
using Harness.Cli.Output;
using Harness.Cli.Targets;
using Harness.Engine.LoadScenarios;
using Harness.Engine.Plans;
using Harness.Engine.Reports;
using Harness.Engine.Targets;
using Harness.Engine.Verdicts;
using Scenarios.Catalogue;
using StageContract;

namespace Harness.Cli.Verbs;

/// <summary>
/// <c>rehearse scenario &lt;name&gt; [--target embedded|&lt;url&gt;] [--rate] [--seconds] [--phase] [--out] [--seed]</c>:
/// one named load scenario of <c>scenarios/</c> on its own (canary, shadow, write-only, soak), written
/// in the same report formats as a rehearsal, with the charts, and the same exit codes.
/// </summary>
public static class ScenarioVerb
{
    /// <summary>The command.</summary>
    public static Command Build(VerbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var name = new Argument<string>("name") { Description = $"The scenario: {string.Join(", ", ScenarioCatalogue.Names)}." };
        var target = new Option<string>("--target") { Description = "'embedded' (default: the reference service, started in each segment's configuration) or a base URL.", DefaultValueFactory = _ => RehearseVerb.Embedded };
        var rate = new Option<int>("--rate") { Description = "Requests per second of each measured step; default 200.", DefaultValueFactory = _ => 200 };
        var seconds = new Option<int>("--seconds") { Description = "Seconds per measured step; default 5 (the soak runs twelve steps' worth).", DefaultValueFactory = _ => 5 };
        var phase = new Option<string?>("--phase") { Description = "For the soak: the plan phase whose configuration the target runs; default the target's self-report, else warn." };
        var output = new Option<string?>("--out") { Description = "Report directory; default reports/<UTC timestamp>-scenario-<name>." };
        var seed = new Option<int>("--seed") { Description = "Seed of all generated requests; default 1.", DefaultValueFactory = _ => 1 };
        rate.Validators.Add(r => { if (r.GetValue(rate) is < 1 or > 50_000) r.AddError("--rate must be within 1..50000"); });
        seconds.Validators.Add(r => { if (r.GetValue(seconds) is < 1 or > 3_600) r.AddError("--seconds must be within 1..3600"); });
        var command = new Command("scenario", "Run one named load scenario (canary, shadow, write-only, soak) and write its reports.") { name, target, rate, seconds, phase, output, seed };
        command.SetAction((parse, cancellationToken) => VerbRunner.RunAsync(context, async () =>
        {
            var settings = new ScenarioSettings(parse.GetValue(rate), parse.GetValue(seconds));
            var scenarioName = parse.GetValue(name)!;
            if (ScenarioCatalogue.Find(scenarioName, settings) is not { } scenario)
            {
                return context.Fail(ExitCodes.HarnessOrUsageError, $"unknown scenario '{scenarioName}' (known: {string.Join(", ", ScenarioCatalogue.Names)})");
            }

            var targetText = parse.GetValue(target)!;
            Uri? url = null;
            if (targetText != RehearseVerb.Embedded && (url = TargetSession.ParseUrl(targetText)) is null)
            {
                return context.Fail(ExitCodes.HarnessOrUsageError, $"--target must be 'embedded' or an absolute http(s) URL, got '{targetText}'");
            }

            var own = await OwnConfigurationAsync(context, parse.GetValue(phase), url, cancellationToken).ConfigureAwait(false);
            if (own.Error is not null)
            {
                return context.Fail(ExitCodes.HarnessOrUsageError, own.Error);
            }

            var runner = new ScenarioRunner(ContractRules.Default, context.TimeProvider);
            var progress = context.Output.Interactive ? TextWriter.Null : context.Output.Out;
            context.Output.Out.WriteLine($"scenario {scenario.Name} against {(url is null ? "the embedded reference" : url)}: {scenario.Description}");
            var report = await runner.RunAsync(scenario, own.Configuration!, new ScenarioTargets(url, progress), url is null ? "embedded" : "url",
                url?.AbsoluteUri ?? "embedded", parse.GetValue(seed), new PlainObserver(context.Output.Out), cancellationToken).ConfigureAwait(false);
            var directory = parse.GetValue(output) is { } o
                ? context.Resolve(o)
                : ReportFiles.DefaultDirectory(context.WorkingDirectory, context.TimeProvider.GetUtcNow(), report.Phase);
            await ReportFiles.WriteAllAsync(report, directory, cancellationToken).ConfigureAwait(false);
            VerdictPrinter.Print(context.Output, report, directory);
            return report.Verdict.ExitCode();
        }, cancellationToken));
        return command;
    }

    private static async Task<(PhaseConfiguration? Configuration, string? Error)> OwnConfigurationAsync(VerbContext context, string? phaseName, Uri? url, CancellationToken cancellationToken)
    {
        if (phaseName is not null)
        {
            var plan = RehearseVerb.LoadPlan(context, null);
            return plan.Find(phaseName) is { } found
                ? (found.Configuration, null)
                : (null, $"unknown phase '{phaseName}' (the built-in plan has: {string.Join(", ", plan.Phases.Select(p => p.Name))})");
        }

        if (url is null)
        {
            return (new PhaseConfiguration { Mode = "warn" }, null);
        }

        await using var session = TargetSession.ForUrl(url);
        var read = await TargetProbe.ReadAsync(session.Client, ContractRules.Default.Endpoints.Routes, cancellationToken).ConfigureAwait(false);
        return read.Unreachable ? (null, $"target unreachable: {read.Error}")
            : read.Report?.Configuration is { } reported ? (reported, null)
            : (new PhaseConfiguration { Mode = "warn" }, null);
    }
}
