using Npgsql;
using StageContract;
using StageMigration.Rows;
using StageMigration.Tables;

namespace StageMigration.Apply;

/// <summary>
/// The set-based <see cref="IBatchWriter"/> for <c>portfolio_companies</c>: no row leaves the
/// server. The rule runs once per distinct stored value (<see cref="StageMap"/>); per batch one
/// read-only statement finds the batch's bounds and counts, and one data-modifying statement
/// updates the rows whose value the map changes and writes their audit rows.
/// </summary>
/// <remarks>
/// Concurrent writers: the update runs in READ COMMITTED without locking the batch first. A row
/// that a concurrent transaction holds locked makes the UPDATE wait; when that transaction commits,
/// Postgres re-evaluates the WHERE on the row's new version against the same map row
/// (EvalPlanQual): a row now holding a canonical or unknown value, or a different alias, no longer
/// matches and is skipped, so the writer's value is kept and no audit row claims the change (the
/// audit's before-value is the map's raw value, which the re-check has just confirmed). A row
/// rewritten to a different alias must still be migrated, so when the rows updated differ from the
/// count read said would change, the batch's remaining candidates are locked (a new statement sees
/// the committed values; a value new to the map is added to it) and the update runs again: a locked
/// row cannot be skipped. The row written concurrently is so judged on its new value, as the
/// row-by-row writer's locked re-read did (ConcurrentWriteTests).
/// </remarks>
internal sealed class StageMapBatchWriter(ContractRules rules) : IBatchWriter
{
    private readonly StageMap _map = new(new RowNormalizer(rules));

    /// <inheritdoc/>
    public async Task<BatchOutcome> WriteAsync(
        NpgsqlConnection connection, long runId, MigratedTable table, int batchNo, string? afterId, int batchSize, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var after = afterId is null ? (long?)null : long.Parse(afterId, System.Globalization.CultureInfo.InvariantCulture);
        var bounds = await ReadBoundsAsync(connection, transaction, after, batchSize, cancellationToken).ConfigureAwait(false);
        while (bounds.Missing is { Length: > 0 } missing)
        {
            _map.Add(missing);
            bounds = await ReadBoundsAsync(connection, transaction, after, batchSize, cancellationToken).ConfigureAwait(false);
        }

        if (bounds.Rows == 0)
        {
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            return new BatchOutcome(0, 0, 0, afterId);
        }

        var changed = await UpdateAsync(connection, transaction, runId, after, bounds.Last, cancellationToken).ConfigureAwait(false);
        // Counts from two statements: a difference either way means a concurrent write touched the
        // batch (a skipped row, or a row inserted into its id range), and the locked retry settles it.
        if (changed != bounds.Changes)
        {
            _map.Add(await LockCandidatesAsync(connection, transaction, after, bounds.Last, cancellationToken).ConfigureAwait(false));
            changed += await UpdateAsync(connection, transaction, runId, after, bounds.Last, cancellationToken).ConfigureAwait(false);
        }

        var outcome = new BatchOutcome(bounds.Rows, changed, bounds.Unmappable, Text(bounds.Last));
        await BatchRecord.CompletedAsync(connection, transaction, runId, table, batchNo, Text(bounds.First), outcome, startedAt, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return outcome;
    }

    private readonly record struct Bounds(int Rows, long First, long Last, int Unmappable, int Changes, string[]? Missing);

    private static string Text(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string After(long? after) => after is null ? "" : "c.id > @after AND";

    /// <summary>The next batch's first and last id, its row count, how many rows are unmappable and would change, and the values the map does not know yet.</summary>
    private async Task<Bounds> ReadBoundsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long? after, int batchSize, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"""
            SELECT count(*)::int, min(b.id), max(b.id),
                   count(*) FILTER (WHERE m.unmappable OR (b.stage IS NULL AND @null_unmappable))::int,
                   count(*) FILTER (WHERE m.canonical IS NOT NULL)::int,
                   array_agg(DISTINCT b.stage) FILTER (WHERE m.raw IS NULL AND b.stage IS NOT NULL)
            FROM (SELECT c.id, c.stage FROM portfolio_companies c {(after is null ? "" : "WHERE c.id > @after")} ORDER BY c.id LIMIT @n) b
            LEFT JOIN unnest(@raw::text[], @canonical::text[], @unmappable::bool[]) AS m (raw, canonical, unmappable) ON m.raw = b.stage
            """, connection, transaction) { CommandTimeout = 300 };
        if (after is { } value)
        {
            command.Parameters.AddWithValue("after", value);
        }

        command.Parameters.AddWithValue("n", batchSize);
        command.Parameters.AddWithValue("null_unmappable", _map.NullUnmappable);
        command.Parameters.AddWithValue("raw", _map.Known);
        command.Parameters.AddWithValue("canonical", _map.Canonical);
        command.Parameters.AddWithValue("unmappable", _map.Unmappable);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var rows = reader.GetInt32(0);
        return rows == 0
            ? new Bounds(0, 0, 0, 0, 0, null)
            : new Bounds(rows, reader.GetInt64(1), reader.GetInt64(2), reader.GetInt32(3), reader.GetInt32(4), reader.IsDBNull(5) ? null : reader.GetFieldValue<string[]>(5));
    }

    /// <summary>Updates the batch's rows whose value the map changes and writes their audit rows, in one statement; returns the rows changed.</summary>
    private async Task<int> UpdateAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long runId, long? after, long last, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"""
            WITH upd AS (
                UPDATE portfolio_companies c SET stage = m.canonical
                FROM unnest(@raw::text[], @canonical::text[]) AS m (raw, canonical)
                WHERE {After(after)} c.id <= @last AND c.stage = m.raw AND m.canonical IS NOT NULL AND c.stage IS DISTINCT FROM m.canonical
                RETURNING c.id, m.raw, m.canonical)
            INSERT INTO stage_migration_audit (run_id, table_name, row_id, column_name, before_value, after_value)
            SELECT @run, 'portfolio_companies', upd.id::text, 'stage', to_jsonb(upd.raw), to_jsonb(upd.canonical) FROM upd
            """, connection, transaction) { CommandTimeout = 300 };
        AddRange(command, after, last);
        command.Parameters.AddWithValue("run", runId);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Locks the batch's rows that still hold a value the map changes or does not know (a new
    /// statement: it sees concurrent commits) and returns the values it does not know, for the map.
    /// </summary>
    private async Task<List<string>> LockCandidatesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long? after, long last, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"""
            SELECT DISTINCT x.stage FROM (
                SELECT c.stage, m.raw FROM portfolio_companies c
                LEFT JOIN unnest(@raw::text[], @canonical::text[]) AS m (raw, canonical) ON c.stage = m.raw
                WHERE {After(after)} c.id <= @last AND c.stage IS NOT NULL AND (m.raw IS NULL OR m.canonical IS NOT NULL)
                FOR UPDATE OF c) x
            WHERE x.raw IS NULL
            """, connection, transaction) { CommandTimeout = 300 };
        AddRange(command, after, last);
        var unknown = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            unknown.Add(reader.GetString(0));
        }

        return unknown;
    }

    private void AddRange(NpgsqlCommand command, long? after, long last)
    {
        if (after is { } value)
        {
            command.Parameters.AddWithValue("after", value);
        }

        command.Parameters.AddWithValue("last", last);
        command.Parameters.AddWithValue("raw", _map.Known);
        command.Parameters.AddWithValue("canonical", _map.Canonical);
    }
}
