using System.Globalization;
using Npgsql;
using StageContract;
using StageMigration.Rows;
using StageMigration.Tables;

namespace StageMigration.Apply;

/// <summary>
/// The row-by-row <see cref="IBatchWriter"/>: reads the batch to the client, applies the rule to
/// every row and writes the changes optimistically. Used for <c>portfolio_strategies</c>, whose
/// values (distributions) are nearly all distinct; companies go through <see cref="StageMapBatchWriter"/>.
/// </summary>
internal sealed class BatchWriter(ContractRules rules) : IBatchWriter
{
    private readonly RowNormalizer _normalizer = new(rules);

    /// <summary>Reads the batch after <paramref name="afterId"/> and writes what the rule changes, with its audit rows and its bookkeeping row, in one transaction.</summary>
    public async Task<BatchOutcome> WriteAsync(
        NpgsqlConnection connection, long runId, MigratedTable table, int batchNo, string? afterId, int batchSize, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // Read without locking (most rows do not change), then update optimistically: a row is only
        // written while it still holds the value that was read. A row written concurrently in
        // between is read again under a row lock and evaluated afresh.
        var rows = await StageRowReader.ReadBatchAsync(connection, transaction, table, afterId, batchSize, cancellationToken).ConfigureAwait(false);
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
            var fresh = await StageRowReader.ReadLockedAsync(connection, transaction, table, stale, cancellationToken).ConfigureAwait(false);
            var (again, _) = Evaluate(table, fresh);
            var rewritten = await UpdateAsync(connection, transaction, runId, table, again, cancellationToken).ConfigureAwait(false);
            if (rewritten.Count != again.Count)
            {
                throw new InvalidOperationException($"{again.Count - rewritten.Count} locked rows could not be updated");
            }

            applied.AddRange(again);
        }
        var outcome = new BatchOutcome(rows.Count, applied.Count, unmappable, rows[^1].Id);
        await BatchRecord.CompletedAsync(connection, transaction, runId, table, batchNo, rows[0].Id, outcome, startedAt, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return outcome;
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
}
