using System.Diagnostics;
using System.Globalization;
using Npgsql;
using StageContract;
using StageMigration.Rows;
using StageMigration.Runs;
using StageMigration.Tables;

namespace StageMigration.Apply;

/// <summary>
/// <c>apply</c> and <c>resume</c> (contract section 10): keyset batches, one transaction per batch
/// holding the rows' update, one audit row per changed row and the batch's bookkeeping row, so a
/// crash at any point leaves either the whole batch or none of it. Rows are written only while
/// they still hold the value that was read (optimistic; a row written concurrently is re-read under
/// a lock), so the service can keep writing during the migration without a write being lost. <c>resume</c> continues after
/// the last committed batch of the newest unfinished run. One migration process at a time (an
/// advisory lock). Progress: one line per committed batch on the progress writer.
/// </summary>
public sealed class Migrator(NpgsqlDataSource dataSource, ContractRules rules, TextWriter progress, TimeProvider timeProvider)
{
    private readonly RowNormalizer _normalizer = new(rules);

    /// <summary>Starts a new run; fails with <see cref="MigrationStateException"/> when an unfinished run exists.</summary>
    public async Task<ApplyResult> ApplyAsync(ApplyOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        await using var connection = await OpenLockedAsync(cancellationToken).ConfigureAwait(false);
        if (await MigrationState.LatestRunAsync(connection, cancellationToken).ConfigureAwait(false) is { Status: "running" or "failed" } unfinished)
        {
            throw new MigrationStateException($"run {unfinished.RunId} is unfinished ({unfinished.Status}); use 'resume' (or 'rollback' it) first");
        }

        var (companies, strategies) = await MigrationState.CountRowsAsync(connection, cancellationToken).ConfigureAwait(false);
        long runId;
        await using (var command = new NpgsqlCommand("""
            INSERT INTO stage_migration_runs (status, batch_size, sleep_ms, mapping_sha256, companies_rows_before, strategies_rows_before, tool_version)
            VALUES ('running', @b, @s, @m, @c, @st, @v) RETURNING run_id
            """, connection))
        {
            command.Parameters.AddWithValue("b", options.BatchSize);
            command.Parameters.AddWithValue("s", options.SleepMs);
            command.Parameters.AddWithValue("m", RowRules.MappingSha256(rules));
            command.Parameters.AddWithValue("c", companies);
            command.Parameters.AddWithValue("st", strategies);
            command.Parameters.AddWithValue("v", typeof(Migrator).Assembly.GetName().Version?.ToString() ?? "0");
            runId = (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        await progress.WriteLineAsync($"apply: run {runId} started: {companies:N0} companies, {strategies:N0} strategies, batches of {options.BatchSize:N0}").ConfigureAwait(false);
        return await RunAsync(connection, runId, options, resumed: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Continues the newest unfinished run after its last committed batch.</summary>
    public async Task<ApplyResult> ResumeAsync(ApplyOptions? overrides, CancellationToken cancellationToken)
    {
        await using var connection = await OpenLockedAsync(cancellationToken).ConfigureAwait(false);
        var run = await MigrationState.LatestRunAsync(connection, cancellationToken).ConfigureAwait(false);
        if (run is not { Status: "running" or "failed" })
        {
            throw new MigrationStateException(run is null ? "there is no run to resume" : $"the newest run ({run.RunId}) is {run.Status}; there is nothing to resume");
        }

        await MigrationState.SetStatusAsync(connection, run.RunId, "running", cancellationToken).ConfigureAwait(false);
        var options = overrides ?? new ApplyOptions(run.BatchSize, run.SleepMs);
        await progress.WriteLineAsync($"resume: run {run.RunId} continues after its last committed batch").ConfigureAwait(false);
        return await RunAsync(connection, run.RunId, options, resumed: true, cancellationToken).ConfigureAwait(false);
    }

    private async Task<NpgsqlConnection> OpenLockedAsync(CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        if (!await MigrationState.TryLockAsync(connection, cancellationToken).ConfigureAwait(false))
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw new MigrationStateException("another migration process holds the migration lock");
        }

        return connection;
    }

    private async Task<ApplyResult> RunAsync(NpgsqlConnection connection, long runId, ApplyOptions options, bool resumed, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        var run = (await MigrationState.RunAsync(connection, runId, cancellationToken).ConfigureAwait(false))!;
        var results = new List<TableApplyResult>();
        foreach (var table in MigratedTable.All)
        {
            var total = table == MigratedTable.Companies ? run.CompaniesRowsBefore : run.StrategiesRowsBefore;
            var (result, error) = await MigrateTableAsync(connection, runId, table, total, options, cancellationToken).ConfigureAwait(false);
            results.Add(result);
            if (error is not null)
            {
                await MigrationState.SetStatusAsync(connection, runId, "failed", CancellationToken.None).ConfigureAwait(false);
                return new ApplyResult(runId, resumed, "failed", results, timeProvider.GetElapsedTime(started).TotalSeconds, error);
            }
        }

        await MigrationState.SetStatusAsync(connection, runId, "completed", cancellationToken).ConfigureAwait(false);
        var seconds = timeProvider.GetElapsedTime(started).TotalSeconds;
        await progress.WriteLineAsync($"apply: run {runId} completed: {results.Sum(r => r.RowsChanged):N0} rows changed in {seconds:F1} s").ConfigureAwait(false);
        return new ApplyResult(runId, resumed, "completed", results, seconds, null);
    }

    private async Task<(TableApplyResult Result, string? Error)> MigrateTableAsync(
        NpgsqlConnection connection, long runId, MigratedTable table, long total, ApplyOptions options, CancellationToken cancellationToken)
    {
        // The checkpoint: the last id and number of the newest committed batch of this run and table.
        string? last = null;
        var batchNo = 0;
        long doneBefore = 0;
        await using (var command = new NpgsqlCommand("""
            SELECT batch_no, last_id, (SELECT coalesce(sum(rows_read), 0) FROM stage_migration_batches WHERE run_id = @r AND table_name = @t AND status = 'completed')
            FROM stage_migration_batches WHERE run_id = @r AND table_name = @t AND status = 'completed' ORDER BY batch_no DESC LIMIT 1
            """, connection))
        {
            command.Parameters.AddWithValue("r", runId);
            command.Parameters.AddWithValue("t", table.Name);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                batchNo = reader.GetInt32(0);
                last = reader.IsDBNull(1) ? null : reader.GetString(1);
                doneBefore = reader.GetInt64(2);
            }
        }

        int batches = 0;
        long read = 0, changed = 0, unmappable = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            batchNo++;
            var batchStarted = timeProvider.GetUtcNow();
            BatchOutcome outcome;
            try
            {
                outcome = await MigrateBatchAsync(connection, runId, table, batchNo, last, options.BatchSize, batchStarted, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException or FormatException)
            {
                await RecordFailureAsync(connection, runId, table, batchNo, last, batchStarted, exception.Message).ConfigureAwait(false);
                var message = $"{table.Name} batch {batchNo} after id {last ?? "(start)"} failed: {exception.Message}";
                await progress.WriteLineAsync($"apply: {message}").ConfigureAwait(false);
                return (new TableApplyResult(table.Name, batches, read, changed, unmappable, last), message);
            }

            if (outcome.RowsRead == 0)
            {
                break;
            }

            batches++;
            read += outcome.RowsRead;
            changed += outcome.RowsChanged;
            unmappable += outcome.RowsUnmappable;
            last = outcome.LastId;
            var done = doneBefore + read;
            var percent = total == 0 ? 100.0 : Math.Min(100.0, 100.0 * done / total);
            await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"apply: {table.Name} batch {batchNo} committed: {done:N0}/{total:N0} rows ({percent:F1}%), {outcome.RowsChanged:N0} changed, {outcome.RowsUnmappable:N0} unmappable")).ConfigureAwait(false);
            if (outcome.RowsRead < options.BatchSize)
            {
                break;
            }

            if (options.SleepMs > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(options.SleepMs), timeProvider, cancellationToken).ConfigureAwait(false);
            }
        }

        return (new TableApplyResult(table.Name, batches, read, changed, unmappable, last), null);
    }

    private readonly record struct BatchOutcome(int RowsRead, int RowsChanged, int RowsUnmappable, string? LastId);

    private async Task<BatchOutcome> MigrateBatchAsync(
        NpgsqlConnection connection, long runId, MigratedTable table, int batchNo, string? afterId, int batchSize, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // Read without locking (most rows do not change), then update optimistically: a row is only
        // written while it still holds the value that was read. A row written concurrently in
        // between is read again under a row lock and evaluated afresh.
        var rows = await KeysetReader.ReadBatchAsync(connection, transaction, table, afterId, batchSize, forUpdate: false, cancellationToken).ConfigureAwait(false);
        if (rows.Count == 0)
        {
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            return new BatchOutcome(0, 0, 0, afterId);
        }

        var (changes, unmappable) = Evaluate(table, rows);
        var written = await UpdateAsync(connection, transaction, runId, table, changes, cancellationToken).ConfigureAwait(false);
        var stale = changes.Where(c => !written.Contains(c.Id)).Select(c => c.Id).ToList();
        var applied = changes.Where(c => written.Contains(c.Id)).ToList();
        if (stale.Count > 0)
        {
            var fresh = await ReadLockedAsync(connection, transaction, table, stale, cancellationToken).ConfigureAwait(false);
            var (again, _) = Evaluate(table, fresh);
            var rewritten = await UpdateAsync(connection, transaction, runId, table, again, cancellationToken).ConfigureAwait(false);
            if (rewritten.Count != again.Count)
            {
                throw new InvalidOperationException($"{again.Count - rewritten.Count} locked rows could not be updated");
            }

            applied.AddRange(again);
        }
        await using (var record = new NpgsqlCommand("""
            INSERT INTO stage_migration_batches (run_id, table_name, batch_no, first_id, last_id, rows_read, rows_changed, unmappable, status, started_at)
            VALUES (@run, @table, @no, @first, @last, @read, @changed, @unmappable, 'completed', @started)
            ON CONFLICT (run_id, table_name, batch_no) DO UPDATE SET first_id = excluded.first_id, last_id = excluded.last_id,
                rows_read = excluded.rows_read, rows_changed = excluded.rows_changed, unmappable = excluded.unmappable,
                status = 'completed', started_at = excluded.started_at, finished_at = now(), error = NULL
            """, connection, transaction))
        {
            record.Parameters.AddWithValue("run", runId);
            record.Parameters.AddWithValue("table", table.Name);
            record.Parameters.AddWithValue("no", batchNo);
            record.Parameters.AddWithValue("first", rows[0].Id);
            record.Parameters.AddWithValue("last", rows[^1].Id);
            record.Parameters.AddWithValue("read", rows.Count);
            record.Parameters.AddWithValue("changed", applied.Count);
            record.Parameters.AddWithValue("unmappable", unmappable);
            record.Parameters.AddWithValue("started", startedAt);
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new BatchOutcome(rows.Count, applied.Count, unmappable, rows[^1].Id);
    }

    private readonly record struct Change(string Id, string? Before, string After);

    private (List<Change> Changes, int Unmappable) Evaluate(MigratedTable table, List<StageRow> rows)
    {
        var changes = new List<Change>();
        var unmappable = 0;
        foreach (var row in rows)
        {
            var outcome = _normalizer.Evaluate(table, row.Value);
            unmappable += outcome.IsUnmappable ? 1 : 0;
            if (outcome.NewValue is { } value)
            {
                changes.Add(new Change(row.Id, row.Value, value));
            }
        }

        return (changes, unmappable);
    }

    /// <summary>
    /// Writes each change whose row still holds its before-value, and its audit row, in one
    /// statement (a data-modifying CTE: the audit never leaves the server); returns the ids written.
    /// </summary>
    private static async Task<HashSet<string>> UpdateAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long runId, MigratedTable table, List<Change> changes, CancellationToken cancellationToken)
    {
        var written = new HashSet<string>(StringComparer.Ordinal);
        if (changes.Count == 0)
        {
            return written;
        }

        var (ids, guard, set, json) = table.NumericId
            ? ("@ids::text[]::bigint[]", $"t.{table.Column} IS NOT DISTINCT FROM u.b", "u.v", "to_jsonb(upd.{0})")
            : ("@ids::text[]", $"t.{table.Column} = u.b::jsonb", "u.v::jsonb", "upd.{0}::jsonb");
        var sql = $"""
            WITH upd AS (
                UPDATE {table.Name} t SET {table.Column} = {set}
                FROM unnest({ids}, @b::text[], @vals::text[]) AS u(id, b, v)
                WHERE t.id = u.id AND {guard}
                RETURNING t.id::text AS id, u.b, u.v)
            INSERT INTO stage_migration_audit (run_id, table_name, row_id, column_name, before_value, after_value)
            SELECT @run, @table, upd.id, @column, {string.Format(CultureInfo.InvariantCulture, json, "b")}, {string.Format(CultureInfo.InvariantCulture, json, "v")} FROM upd
            RETURNING row_id
            """;
        await using var update = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 300 };
        update.Parameters.AddWithValue("ids", changes.Select(c => c.Id).ToArray());
        update.Parameters.AddWithValue("b", changes.Select(c => c.Before).ToArray());
        update.Parameters.AddWithValue("vals", changes.Select(c => c.After).ToArray());
        update.Parameters.AddWithValue("run", runId);
        update.Parameters.AddWithValue("table", table.Name);
        update.Parameters.AddWithValue("column", table.Column);
        await using var reader = await update.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            written.Add(reader.GetString(0));
        }

        return written;
    }

    private static async Task<List<StageRow>> ReadLockedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, MigratedTable table, List<string> ids, CancellationToken cancellationToken)
    {
        var idType = table.NumericId ? "bigint" : "text";
        await using var select = new NpgsqlCommand(
            $"SELECT t.id::text, t.{table.Column}::text FROM {table.Name} t WHERE t.id = ANY(@ids::text[]::{idType}[]) ORDER BY t.id FOR UPDATE", connection, transaction);
        select.Parameters.AddWithValue("ids", ids.ToArray());
        var rows = new List<StageRow>(ids.Count);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new StageRow(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)));
        }

        return rows;
    }

    private static async Task RecordFailureAsync(NpgsqlConnection connection, long runId, MigratedTable table, int batchNo, string? afterId, DateTimeOffset startedAt, string error)
    {
        try
        {
            await using var record = new NpgsqlCommand("""
                INSERT INTO stage_migration_batches (run_id, table_name, batch_no, first_id, status, started_at, error)
                VALUES (@run, @table, @no, @first, 'failed', @started, @error)
                ON CONFLICT (run_id, table_name, batch_no) DO UPDATE SET status = 'failed', finished_at = now(), error = excluded.error
                """, connection);
            record.Parameters.AddWithValue("run", runId);
            record.Parameters.AddWithValue("table", table.Name);
            record.Parameters.AddWithValue("no", batchNo);
            record.Parameters.AddWithValue("first", (object?)afterId ?? DBNull.Value);
            record.Parameters.AddWithValue("started", startedAt);
            record.Parameters.AddWithValue("error", error);
            await record.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (NpgsqlException)
        {
            // The connection itself is gone: the failure cannot be recorded, and resume still
            // continues after the last committed batch.
            Debug.WriteLine("the batch failure could not be recorded");
        }
    }
}
