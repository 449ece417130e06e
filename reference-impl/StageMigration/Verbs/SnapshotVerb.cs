using System.CommandLine;
using StageMigration.Snapshots;

namespace StageMigration.Verbs;

/// <summary><c>stage-migrate snapshot --file f</c>: a pg_dump archive and its SHA-256 sidecar; the schema is left as it is.</summary>
internal static class SnapshotVerb
{
    /// <summary>The command.</summary>
    public static Command Build(VerbContext context)
    {
        var file = SnapshotFileOption();
        return VerbCommand.Create(context, "snapshot", "pg_dump the database to a custom-format archive with a SHA-256 sidecar.", [file], async (parse, dataSource, cancellationToken) =>
            await context.ReportAsync(parse, await new Snapshotter(context.TimeProvider).SnapshotAsync(context.ConnectionString(parse), parse.GetValue(file)!, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false),
            schema: false);
    }

    /// <summary><c>--file</c> of <c>snapshot</c> and <c>restore</c>.</summary>
    internal static Option<string> SnapshotFileOption() => new("--file", "-f") { Description = "Snapshot archive.", Required = true };
}
