using System.CommandLine;
using StageMigration.Snapshots;

namespace StageMigration.Verbs;

/// <summary><c>stage-migrate restore --file f [--create]</c>: checks the archive against its sidecar before it touches any database.</summary>
internal static class RestoreVerb
{
    /// <summary>The command.</summary>
    public static Command Build(VerbContext context)
    {
        var file = SnapshotVerb.SnapshotFileOption();
        var create = new Option<bool>("--create") { Description = "Create the target database first (it must not exist)." };
        return VerbCommand.Create(context, "restore", "Check a snapshot against its sidecar, then pg_restore it.", [file, create], async (parse, dataSource, cancellationToken) =>
            await context.ReportAsync(parse, await new Snapshotter(context.TimeProvider).RestoreAsync(context.ConnectionString(parse), parse.GetValue(file)!, parse.GetValue(create), cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false),
            schema: false);
    }
}
