using System.CommandLine;
using StageData.Schema;

namespace StageMigration.Verbs;

/// <summary><c>stage-migrate schema</c>: applies the versioned schema scripts the database has not seen.</summary>
internal static class SchemaVerb
{
    /// <summary>The command.</summary>
    public static Command Build(VerbContext context) =>
        VerbCommand.Create(context, "schema", "Apply the versioned schema scripts the database has not seen.", [], async (parse, dataSource, cancellationToken) =>
            await context.ReportAsync(parse, new { applied = await SchemaMigrator.MigrateAsync(dataSource, cancellationToken).ConfigureAwait(false) }, cancellationToken).ConfigureAwait(false));
}
