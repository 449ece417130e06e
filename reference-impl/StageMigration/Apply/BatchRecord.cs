using System.Diagnostics;
using Npgsql;
using StageMigration.Tables;

namespace StageMigration.Apply;

/// <summary>A batch's row in <c>stage_migration_batches</c>: the checkpoint resume continues after.</summary>
internal static class BatchRecord
{
    /// <summary>Records a committed batch, inside the batch's own transaction (the checkpoint commits with the rows or not at all).</summary>
    public static async Task CompletedAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long runId, MigratedTable table, int batchNo, string firstId, BatchOutcome outcome, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        await using var record = new NpgsqlCommand("""
            INSERT INTO stage_migration_batches (run_id, table_name, batch_no, first_id, last_id, rows_read, rows_changed, unmappable, status, started_at)
            VALUES (@run, @table, @no, @first, @last, @read, @changed, @unmappable, 'completed', @started)
            ON CONFLICT (run_id, table_name, batch_no) DO UPDATE SET first_id = excluded.first_id, last_id = excluded.last_id,
                rows_read = excluded.rows_read, rows_changed = excluded.rows_changed, unmappable = excluded.unmappable,
                status = 'completed', started_at = excluded.started_at, finished_at = now(), error = NULL
            """, connection, transaction);
        record.Parameters.AddWithValue("run", runId);
        record.Parameters.AddWithValue("table", table.Name);
        record.Parameters.AddWithValue("no", batchNo);
        record.Parameters.AddWithValue("first", firstId);
        record.Parameters.AddWithValue("last", (object?)outcome.LastId ?? DBNull.Value);
        record.Parameters.AddWithValue("read", outcome.RowsRead);
        record.Parameters.AddWithValue("changed", outcome.RowsChanged);
        record.Parameters.AddWithValue("unmappable", outcome.RowsUnmappable);
        record.Parameters.AddWithValue("started", startedAt);
        await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records a failed batch outside its (rolled back) transaction, so that verify and the failures view see it; best effort.</summary>
    public static async Task FailedAsync(NpgsqlConnection connection, long runId, MigratedTable table, int batchNo, string? afterId, DateTimeOffset startedAt, string error)
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
