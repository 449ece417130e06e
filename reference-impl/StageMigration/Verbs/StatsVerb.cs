using System.CommandLine;
using StageMigration.Statistics;

namespace StageMigration.Verbs;

/// <summary><c>stage-migrate stats --fund n</c>: stage counts for smoke tests.</summary>
internal static class StatsVerb
{
    /// <summary>The command.</summary>
    public static Command Build(VerbContext context)
    {
        var fund = new Option<long>("--fund") { DefaultValueFactory = _ => 1, Description = "Fund whose stage counts to list." };
        return VerbCommand.Create(context, "stats", "Stage counts of one fund's companies and a few strategy ids (for smoke tests).", [fund], async (parse, dataSource, cancellationToken) =>
            await context.ReportAsync(parse, await Stats.ReadAsync(dataSource, parse.GetValue(fund), cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false));
    }
}
