using System.CommandLine;
using StageMigration.Apply;

namespace StageMigration.Verbs;

/// <summary>
/// <c>stage-migrate resume</c>: continues the newest unfinished run with its own batch size and
/// pause, unless <c>--batch-size</c> or <c>--sleep-ms</c> is given.
/// </summary>
internal static class ResumeVerb
{
    /// <summary>The command.</summary>
    public static Command Build(VerbContext context)
    {
        var sleep = ApplyVerb.SleepOption();
        return VerbCommand.Create(context, "resume", "Continue the newest unfinished run after its last committed batch.", [sleep], async (parse, dataSource, cancellationToken) =>
        {
            var overrides = parse.GetResult(context.Options.BatchSize) is { Implicit: false } || parse.GetResult(sleep) is { Implicit: false }
                ? new ApplyOptions(context.BatchSize(parse), parse.GetValue(sleep))
                : null;
            var migrator = new Migrator(dataSource, context.Rules(parse), context.Error, context.TimeProvider);
            var result = await migrator.ResumeAsync(overrides, cancellationToken).ConfigureAwait(false);
            return await ApplyVerb.ReportAsync(context, parse, result, cancellationToken).ConfigureAwait(false);
        });
    }
}
