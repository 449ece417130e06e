using System.CommandLine;
using Harness.Cli.Output;
using Harness.Cli.Verbs;
using Harness.Engine.Gates;

namespace Harness.Cli;

/// <summary>
/// The <c>rehearse</c> command line: <c>rehearse --phase</c> (the main verb), <c>phases</c>,
/// <c>golden</c>, <c>report</c>, <c>scenario</c>, <c>status</c>, <c>load</c>, <c>merge</c> and <c>diff</c>, and <c>--version</c>. Everything it prints goes to the injected <see cref="CliOutput"/>;
/// every outcome is one of <see cref="ExitCodes"/>. Environment variables are read through the
/// injected <see cref="CliEnvironment"/> (the process's by default).
/// </summary>
public sealed class CliApp(CliOutput output, TimeProvider timeProvider, GateKindRegistry registry, string workingDirectory, CliEnvironment? environment = null)
{
    /// <summary>The registry the shipped CLI uses: the engine's built-in kinds.</summary>
    public static GateKindRegistry DefaultRegistry => BuiltInGates.Registry;

    /// <summary>Parses and runs; never throws except for cancellation.</summary>
    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var context = new VerbContext(output, timeProvider, registry, workingDirectory) { Environment = environment ?? CliEnvironment.Process };
        var parse = BuildCommand(context).Parse(args);
        if (parse.Errors.Count > 0)
        {
            var message = string.Join(' ', parse.Errors[0].Message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            await output.Error.WriteLineAsync($"rehearse: {message} (see 'rehearse --help')").ConfigureAwait(false);
            return ExitCodes.HarnessOrUsageError;
        }

        var invocation = new InvocationConfiguration { Output = output.Out, Error = output.Error, EnableDefaultExceptionHandler = false };
        return await parse.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The command tree: every verb and option. The CI templates' test parses the templates' <c>rehearse</c>
    /// command lines with it, so a renamed option breaks that test rather than a team's pipeline.
    /// </summary>
    internal static RootCommand BuildCommand(VerbContext context)
    {
        var root = new RootCommand("Rehearse a rollout phase against a target and write go/no-go reports.");
        RehearseVerb.Configure(root, context);
        root.Subcommands.Add(PhasesVerb.Build(context));
        root.Subcommands.Add(GoldenVerb.Build(context));
        root.Subcommands.Add(ReportVerb.Build(context));
        root.Subcommands.Add(ScenarioVerb.Build(context));
        root.Subcommands.Add(StatusVerb.Build(context));
        root.Subcommands.Add(FindingsVerb.Build(context));
        root.Subcommands.Add(LoadVerb.Build(context));
        root.Subcommands.Add(MergeVerb.Build(context));
        root.Subcommands.Add(AuditVerb.Build(context));
        root.Subcommands.Add(DiffVerb.Build(context));
        root.Options.OfType<VersionOption>().Single().Action = new VersionAction(context);
        return root;
    }
}
