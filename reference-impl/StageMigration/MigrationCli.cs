using System.CommandLine;
using StageMigration.Verbs;

namespace StageMigration;

/// <summary>
/// <c>stage-migrate &lt;verb&gt; --database &lt;connection string&gt;</c>: plan, apply, resume, verify,
/// rollback, snapshot, restore, plus schema, generate, checksum and stats (one file each under
/// <c>Verbs/</c>). Reports are JSON on standard output (or <c>--out</c>); progress and errors go to
/// standard error; every outcome is one of <see cref="MigrationExitCodes"/>, and every failure
/// prints exactly one line naming it.
/// </summary>
public sealed class MigrationCli(TextWriter output, TextWriter error, TimeProvider timeProvider, Func<string, string?> environment)
{
    /// <summary>Parses and runs; never throws except for cancellation.</summary>
    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var context = new VerbContext(output, error, timeProvider, environment);
        var root = new RootCommand("The stage migration of contract section 10.");
        foreach (var option in context.Options.All)
        {
            root.Options.Add(option);
        }

        root.Subcommands.Add(SchemaVerb.Build(context));
        root.Subcommands.Add(GenerateVerb.Build(context));
        root.Subcommands.Add(PlanVerb.Build(context));
        root.Subcommands.Add(ApplyVerb.Build(context));
        root.Subcommands.Add(ResumeVerb.Build(context));
        root.Subcommands.Add(VerifyVerb.Build(context));
        root.Subcommands.Add(RollbackVerb.Build(context));
        root.Subcommands.Add(SnapshotVerb.Build(context));
        root.Subcommands.Add(RestoreVerb.Build(context));
        root.Subcommands.Add(ChecksumVerb.Build(context));
        root.Subcommands.Add(StatsVerb.Build(context));

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            await error.WriteLineAsync($"stage-migrate: {VerbContext.OneLine(parse.Errors[0].Message)} (see 'stage-migrate --help')").ConfigureAwait(false);
            return MigrationExitCodes.Usage;
        }

        var invocation = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        return await parse.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
    }
}
