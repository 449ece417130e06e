using System.CommandLine;
using StageMigration.Verification;

namespace StageMigration.Verbs;

/// <summary><c>stage-migrate verify</c>: read-only; every failed check is named on a line of its own and ends with <see cref="MigrationExitCodes.VerifyFailed"/>.</summary>
internal static class VerifyVerb
{
    /// <summary>The command.</summary>
    public static Command Build(VerbContext context) =>
        VerbCommand.Create(context, "verify", "Check every invariant of the migrated data (read-only).", [], async (parse, dataSource, cancellationToken) =>
        {
            var report = await new Verifier(dataSource, context.Rules(parse), context.Error).VerifyAsync(context.BatchSize(parse), cancellationToken).ConfigureAwait(false);
            await context.ReportAsync(parse, report, cancellationToken).ConfigureAwait(false);
            foreach (var failed in report.Checks.Where(x => !x.Passed))
            {
                await context.Error.WriteLineAsync($"stage-migrate: verify: {failed.Name} failed: {failed.Detail}").ConfigureAwait(false);
            }

            return report.Passed ? MigrationExitCodes.Ok : MigrationExitCodes.VerifyFailed;
        });
}
