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
/// they still hold the value the rule was computed for (optimistic; a row written concurrently is
/// judged again on its new value under a lock), so the service can keep writing during the migration
/// without a write being lost. <c>resume</c> continues after
/// the last committed batch of the newest unfinished run. One migration process at a time (an
/// advisory lock). Progress: one line per committed batch on the progress writer.
/// </summary>
public sealed class Migrator(NpgsqlDataSource dataSource, ContractRules rules, TextWriter progress, TimeProvider timeProvider)
{

    /// <summary>Starts a new run; fails with <see cref="MigrationStateException"/> when an unfinished run exists.</summary>
    public async Task<ApplyResult> ApplyAsync(ApplyOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        await using var connection = await MigrationState.OpenLockedAsync(dataSource, cancellationToken).ConfigureAwait(false);
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
        await using var connection = await MigrationState.OpenLockedAsync(dataSource, cancellationToken).ConfigureAwait(false);
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

        // Company stages are few distinct values: the rule runs once per value and the batch never
        // leaves the server. Distributions are nearly all distinct: they are read and evaluated per row.
        IBatchWriter writer = table == MigratedTable.Companies ? new StageMapBatchWriter(rules) : new BatchWriter(rules);
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
                outcome = await writer.WriteAsync(connection, runId, table, batchNo, last, options.BatchSize, batchStarted, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException or FormatException)
            {
                await BatchRecord.FailedAsync(connection, runId, table, batchNo, last, batchStarted, exception.Message).ConfigureAwait(false);
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
}
