using System.CommandLine;
using Harness.Engine.Gates.Kinds;

namespace Harness.Cli.Verbs;

/// <summary><c>rehearse phases [--plan &lt;file&gt;]</c>: lists the plan's phases, configurations and gates.</summary>
public static class PhasesVerb
{
    /// <summary>The command.</summary>
    public static Command Build(VerbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var plan = new Option<string?>("--plan") { Description = "A YAML phase plan; default the built-in plan." };
        var kinds = new Option<bool>("--kinds") { Description = "List the gate kinds instead: what each measures, its parameters and defaults, threshold and needs." };
        var markdown = new Option<bool>("--markdown") { Description = "With --kinds: as the markdown table of harness/README.md." };
        var command = new Command("phases", "List the plan's phases and their gates (or, with --kinds, the gate kinds).") { plan, kinds, markdown };
        command.SetAction((parse, cancellationToken) => VerbRunner.RunAsync(context, () =>
        {
            if (parse.GetValue(kinds))
            {
                var described = context.Registry.Described.ToList();
                context.Output.Out.Write(parse.GetValue(markdown) ? GateKindCatalog.Markdown(described) : GateKindCatalog.Text(described));
                return Task.FromResult(ExitCodes.Go);
            }

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
