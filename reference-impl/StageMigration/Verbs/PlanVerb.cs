using System.CommandLine;
using StageMigration.Planning;

namespace StageMigration.Verbs;

/// <summary><c>stage-migrate plan</c>: the dry run.</summary>
internal static class PlanVerb
{
    /// <summary>The command.</summary>
    public static Command Build(VerbContext context) =>
        VerbCommand.Create(context, "plan", "Dry run: would-change counts per stage and table, the mapping and every unmappable value.", [], async (parse, dataSource, cancellationToken) =>
            await context.ReportAsync(parse, await new Planner(dataSource, context.Rules(parse), context.Error).PlanAsync(context.BatchSize(parse), cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false));
}
