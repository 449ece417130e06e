using System.CommandLine;
using StageData.Schema;

namespace StageMigration.Verbs;

/// <summary><c>stage-migrate checksum</c>: the content checksum of the data tables; the schema is left as it is.</summary>
internal static class ChecksumVerb
{
    /// <summary>The command.</summary>
    public static Command Build(VerbContext context) =>
        VerbCommand.Create(context, "checksum", "Content checksum of the data tables.", [], async (parse, dataSource, cancellationToken) =>
        {
            var tables = await ContentChecksum.ComputeAsync(dataSource, cancellationToken).ConfigureAwait(false);
            return await context.ReportAsync(parse, new { combined = ContentChecksum.Combine(tables), tables }, cancellationToken).ConfigureAwait(false);
        }, schema: false);
}
