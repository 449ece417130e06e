using System.CommandLine;
using Harness.Cli.Targets;
using Harness.Engine.Gates;
using Harness.Engine.Plans;
using Harness.Engine.Targets;

namespace Harness.Cli.Verbs;

/// <summary>
/// <c>rehearse golden --target &lt;url&gt; [--out &lt;dir&gt;]</c>: the golden corpus alone, in whatever
/// configuration the target reports. Writes the same reports and exits with the same codes as a
/// rehearsal.
/// </summary>
public static class GoldenVerb
{
    /// <summary>The command.</summary>
    public static Command Build(VerbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var target = new Option<string>("--target") { Description = "Base URL of the target.", Required = true };
        var output = new Option<string?>("--out") { Description = "Report directory; default reports/<UTC timestamp>-golden." };
        var seed = new Option<int>("--seed") { Description = "Seed; default 1.", DefaultValueFactory = _ => 1 };
        var command = new Command("golden", "Run the golden corpus alone against a target, in the configuration it reports.") { target, output, seed };
        command.SetAction((parse, cancellationToken) => VerbRunner.RunAsync(context, async () =>
        {
            var text = parse.GetValue(target)!;
            if (TargetSession.ParseUrl(text) is not { } url)
            {
                return context.Fail(ExitCodes.HarnessOrUsageError, $"--target must be an absolute http(s) URL, got '{text}'");
            }

            TargetRead read;
            await using (var probe = TargetSession.ForUrl(url, environment: context.Environment))
            {
                read = await TargetProbe.ReadAsync(probe.Client, StageContract.ContractRules.Default.Endpoints.Routes, cancellationToken).ConfigureAwait(false);
            }

            if (read.Unreachable)
            {
                return context.Fail(ExitCodes.HarnessOrUsageError, $"target unreachable: {read.Error}");
            }

            var phase = new Phase
            {
                Name = "golden",
                Description = "The golden corpus alone, in the target's own configuration.",
                Configuration = read.Report?.Configuration ?? new PhaseConfiguration(),
                Gates = [new GateSpec { Id = "golden", Kind = GateKinds.GoldenConformance, Threshold = Threshold.Parse("== 100%") }],
            };
            var plan = new PhasePlan { Source = "rehearse golden", Sha256 = "", Phases = [phase] };
            return await RehearseVerb.ExecuteAsync(context, plan, phase, url.AbsoluteUri, parse.GetValue(output), parse.GetValue(seed), cancellationToken).ConfigureAwait(false);
        }, cancellationToken));
        return command;
    }
}
