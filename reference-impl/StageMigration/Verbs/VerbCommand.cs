using System.CommandLine;
using Npgsql;
using StageContract.Data;
using StageData.Schema;
using StageMigration.Runs;
using StageMigration.Snapshots;

namespace StageMigration.Verbs;

/// <summary>
/// A verb that works on a database: opens a data source on the connection string, applies the
/// schema scripts first (unless told not to), runs the verb, and turns every expected failure into
/// one line and its exit code.
/// </summary>
internal static class VerbCommand
{
    /// <summary>The command <paramref name="name"/> with <paramref name="options"/>, running <paramref name="action"/>.</summary>
    public static Command Create(
        VerbContext context, string name, string description, Option[] options,
        Func<ParseResult, NpgsqlDataSource, CancellationToken, Task<int>> action, bool schema = true)
    {
        var command = new Command(name, description);
        foreach (var option in options)
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                await using var dataSource = NpgsqlDataSource.Create(context.ConnectionString(parse));
                if (schema)
                {
                    await SchemaMigrator.MigrateAsync(dataSource, cancellationToken).ConfigureAwait(false);
                }

                return await action(parse, dataSource, cancellationToken).ConfigureAwait(false);
            }
            catch (UsageException exception)
            {
                return await context.FailAsync(MigrationExitCodes.Usage, exception.Message).ConfigureAwait(false);
            }
            catch (MigrationStateException exception)
            {
                return await context.FailAsync(MigrationExitCodes.StateConflict, exception.Message).ConfigureAwait(false);
            }
            catch (SnapshotChecksumException exception)
            {
                return await context.FailAsync(MigrationExitCodes.ChecksumMismatch, exception.Message).ConfigureAwait(false);
            }
            catch (ExternalToolException exception)
            {
                return await context.FailAsync(MigrationExitCodes.ExternalToolFailed, exception.Message).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is ContractDataException or SchemaException or FileNotFoundException or IOException or UnauthorizedAccessException)
            {
                return await context.FailAsync(exception is SchemaException ? MigrationExitCodes.DatabaseError : MigrationExitCodes.Usage, exception.Message).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is NpgsqlException or PostgresException or TimeoutException or System.Net.Sockets.SocketException)
            {
                return await context.FailAsync(MigrationExitCodes.DatabaseError, $"database: {VerbContext.OneLine(exception.Message)}").ConfigureAwait(false);
            }
        });
        return command;
    }
}
