using System.CommandLine;
using StageMigration.Apply;

namespace StageMigration.Verbs;

/// <summary><c>stage-migrate apply [--sleep-ms n]</c>: starts a run.</summary>
internal static class ApplyVerb
{
    /// <summary>The command.</summary>
    public static Command Build(VerbContext context)
    {
        var sleep = SleepOption();
        return VerbCommand.Create(context, "apply", "Start a run: normalize both tables in keyset batches, one transaction per batch.", [sleep], async (parse, dataSource, cancellationToken) =>
        {
            var migrator = new Migrator(dataSource, context.Rules(parse), context.Error, context.TimeProvider);
            var result = await migrator.ApplyAsync(new ApplyOptions(context.BatchSize(parse), parse.GetValue(sleep)), cancellationToken).ConfigureAwait(false);
            return await ReportAsync(context, parse, result, cancellationToken).ConfigureAwait(false);
        });
    }

    /// <summary><c>--sleep-ms</c> of <c>apply</c> and <c>resume</c>.</summary>
    internal static Option<int> SleepOption()
    {
        var sleep = new Option<int>("--sleep-ms") { Description = "Pause between batches, in milliseconds.", DefaultValueFactory = _ => 0 };
        OptionBounds.AtLeast(sleep, 0);
        return sleep;
    }

    /// <summary>The report of <c>apply</c> or <c>resume</c>; a failed batch is named on one line and ends with <see cref="MigrationExitCodes.BatchFailed"/>.</summary>
    internal static async Task<int> ReportAsync(VerbContext context, ParseResult parse, ApplyResult result, CancellationToken cancellationToken)
    {
        await context.ReportAsync(parse, result, cancellationToken).ConfigureAwait(false);
        if (result.Error is { } message)
        {
            await context.Error.WriteLineAsync($"stage-migrate: {message}; 'resume' retries it").ConfigureAwait(false);
            return MigrationExitCodes.BatchFailed;
        }

        return MigrationExitCodes.Ok;
    }
}
