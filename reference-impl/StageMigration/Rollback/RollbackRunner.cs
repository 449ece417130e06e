using Npgsql;
using StageMigration.Runs;
using StageMigration.Tables;

namespace StageMigration.Rollback;

/// <summary>
/// <c>rollback</c>: restores the before-values of a run from its audit rows, newest first, in
/// batches (one transaction each). A row is restored only while it still holds the value the run
/// wrote; a row written since is a conflict, is left as it is (a later write is never lost) and is
/// listed. Only the newest run that is not rolled back can be rolled back.
/// </summary>
public sealed class RollbackRunner(NpgsqlDataSource dataSource, TextWriter progress, TimeProvider timeProvider)
{
    /// <summary>
    /// Rolls back <paramref name="runId"/> (default: the newest run not rolled back yet), or with
    /// <paramref name="all"/> every run not rolled back yet, newest first: the content before the
    /// first migration.
    /// </summary>
    public async Task<RollbackResult> RollbackAsync(long? runId, int batchSize, CancellationToken cancellationToken, bool all = false)
    {
        var started = timeProvider.GetTimestamp();
        await using var connection = await MigrationState.OpenLockedAsync(dataSource, cancellationToken).ConfigureAwait(false);

        var open = new List<long>();
        await using (var command = new NpgsqlCommand("SELECT run_id FROM stage_migration_runs WHERE status <> 'rolled_back' ORDER BY run_id DESC", connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                open.Add(reader.GetInt64(0));
            }
        }

        if (open.Count == 0)
        {
            throw new MigrationStateException("there is no run to roll back");
        }

        if (runId is { } id && id != open[0])
        {
            throw new MigrationStateException(open.Contains(id)
                ? $"run {id} is not the newest run that is not rolled back ({open[0]}); roll back the newer runs first (or use --all)"
                : $"run {id} does not exist or is already rolled back");
        }

        long restored = 0, conflicts = 0;
        var conflictRows = new List<string>();
        foreach (var run in all ? open : [open[0]])
        {
            var (r, c) = await RollbackRunAsync(connection, run, batchSize, conflictRows, cancellationToken).ConfigureAwait(false);
            restored += r;
            conflicts += c;
            if (c > 0)
            {
                break; // an older run is not rolled back over rows that a newer one could not restore
            }
        }

        return new RollbackResult(open[0], restored, conflicts, conflictRows, timeProvider.GetElapsedTime(started).TotalSeconds);
    }

    private async Task<(long Restored, long Conflicts)> RollbackRunAsync(NpgsqlConnection connection, long runId, int batchSize, List<string> conflictRows, CancellationToken cancellationToken)
    {
        long restored = 0, conflicts = 0;
        foreach (var table in MigratedTable.All.Reverse())
        {
            var restore = table.NumericId
                ? "UPDATE portfolio_companies t SET stage = a.before_value #>> '{}' FROM a WHERE t.id = a.row_id::bigint AND to_jsonb(t.stage) IS NOT DISTINCT FROM a.after_value RETURNING a.audit_id"
                : "UPDATE portfolio_strategies t SET stage_distribution = a.before_value FROM a WHERE t.id = a.row_id AND t.stage_distribution = a.after_value RETURNING a.audit_id";
            var below = long.MaxValue;
            while (true)
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                var batch = new List<(long AuditId, string RowId)>();
                await using (var select = new NpgsqlCommand(
                    "SELECT audit_id, row_id FROM stage_migration_audit WHERE run_id = @r AND table_name = @t AND rolled_back_at IS NULL AND audit_id < @below ORDER BY audit_id DESC LIMIT @n",
                    connection, transaction))
                {
                    select.Parameters.AddWithValue("r", runId);
                    select.Parameters.AddWithValue("t", table.Name);
                    select.Parameters.AddWithValue("below", below);
                    select.Parameters.AddWithValue("n", batchSize);
                    await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        batch.Add((reader.GetInt64(0), reader.GetString(1)));
                    }
                }

                if (batch.Count == 0)
                {
                    await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                    break;
                }

                var auditIds = batch.Select(b => b.AuditId).ToArray();
                var done = new HashSet<long>();
                await using (var update = new NpgsqlCommand(
                    $"WITH a AS (SELECT audit_id, row_id, before_value, after_value FROM stage_migration_audit WHERE audit_id = ANY(@ids)) {restore}",
                    connection, transaction) { CommandTimeout = 300 })
                {
                    update.Parameters.AddWithValue("ids", auditIds);
                    await using var reader = await update.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        done.Add(reader.GetInt64(0));
                    }
                }

                await using (var mark = new NpgsqlCommand("UPDATE stage_migration_audit SET rolled_back_at = now() WHERE audit_id = ANY(@ids)", connection, transaction))
                {
                    mark.Parameters.AddWithValue("ids", done.ToArray());
                    await mark.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                restored += done.Count;
                foreach (var (auditId, rowId) in batch.Where(b => !done.Contains(b.AuditId)))
                {
                    conflicts++;
                    if (conflictRows.Count < 20)
                    {
                        conflictRows.Add($"{table.Name}:{rowId}");
                    }
                }

                below = batch[^1].AuditId;
                await progress.WriteLineAsync($"rollback: run {runId} {table.Name}: {restored:N0} rows restored, {conflicts:N0} conflicts").ConfigureAwait(false);
            }
        }

        if (conflicts == 0)
        {
            await MigrationState.SetStatusAsync(connection, runId, "rolled_back", cancellationToken).ConfigureAwait(false);
        }

        return (restored, conflicts);
    }
}
