using System.CommandLine;

namespace Harness.Cli.Verbs;

/// <summary><c>rehearse phases [--plan &lt;file&gt;]</c>: lists the plan's phases, configurations and gates.</summary>
public static class PhasesVerb
{
    /// <summary>The command.</summary>
    public static Command Build(VerbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var plan = new Option<string?>("--plan") { Description = "A YAML phase plan; default the built-in plan." };
        var command = new Command("phases", "List the plan's phases and their gates.") { plan };
        command.SetAction((parse, cancellationToken) => VerbRunner.RunAsync(context, () =>
        {
            var loaded = RehearseVerb.LoadPlan(context, parse.GetValue(plan));
            var o = context.Output.Out;
            o.WriteLine($"plan: {loaded.Source} (sha256 {loaded.Sha256})");
            foreach (var phase in loaded.Phases)
            {
                o.WriteLine();
                o.WriteLine($"{phase.Name}: {phase.Description}");
                o.WriteLine($"  configuration: {phase.Configuration.Describe()}");
                foreach (var gate in phase.Gates)
                {
                    var threshold = gate.Threshold is null ? "" : $" {gate.Threshold.Text}";
                    o.WriteLine($"  - {gate.Id}: {gate.Kind}{threshold}, {(gate.Blocking ? "blocking" : "advisory")}");
                }
            }

            return Task.FromResult(ExitCodes.Go);
        }, cancellationToken));
        return command;
    }
}
