using System.CommandLine;
using StageMigration.Rollback;

namespace StageMigration.Verbs;

/// <summary><c>stage-migrate rollback [--run id | --all]</c>: rows changed since the migration are left as they are and end with <see cref="MigrationExitCodes.RollbackConflicts"/>.</summary>
internal static class RollbackVerb
{
    /// <summary>The command.</summary>
    public static Command Build(VerbContext context)
    {
        var run = new Option<long?>("--run") { Description = "Run id; default the newest run not rolled back yet." };
        var all = new Option<bool>("--all") { Description = "rollback: every run not rolled back yet, newest first (the content before the first migration)." };
        return VerbCommand.Create(context, "rollback", "Restore a run's before-values from the audit log.", [run, all], async (parse, dataSource, cancellationToken) =>
        {
            var result = await new RollbackRunner(dataSource, context.Error, context.TimeProvider)
                .RollbackAsync(parse.GetValue(run), context.BatchSize(parse), cancellationToken, parse.GetValue(all)).ConfigureAwait(false);
            await context.ReportAsync(parse, result, cancellationToken).ConfigureAwait(false);
            if (result.Conflicts > 0)
            {
                await context.Error.WriteLineAsync($"stage-migrate: rollback: {result.Conflicts:N0} row(s) changed after the migration were left as they are").ConfigureAwait(false);
                return MigrationExitCodes.RollbackConflicts;
            }

            return MigrationExitCodes.Ok;
        });
    }
}
