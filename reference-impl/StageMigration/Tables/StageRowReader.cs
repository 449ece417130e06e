using Npgsql;

namespace StageMigration.Tables;

/// <summary>
/// Reads a migrated table's rows: keyset pagination (<c>WHERE id &gt; @last ORDER BY id LIMIT @n</c>),
/// and given rows again under a row lock.
/// </summary>
public static class StageRowReader
{
    /// <summary>
    /// The next batch after <paramref name="afterId"/> (null: from the start), without locks: apply
    /// writes optimistically and re-reads only the rows written since (<see cref="ReadLockedAsync"/>).
    /// </summary>
    public static async Task<List<StageRow>> ReadBatchAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, MigratedTable table, string? afterId, int batchSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        var id = table.NumericId ? "@last::bigint" : "@last";
        var where = afterId is null ? "" : $"WHERE t.id > {id}";
        // Table and column names come from MigratedTable, never from input.
        await using var command = new NpgsqlCommand(
            $"SELECT t.id::text AS row_id, t.{table.Column}::text AS row_value FROM {table.Name} t {where} ORDER BY t.id LIMIT @n", connection, transaction)
        { CommandTimeout = 300 };
        if (afterId is not null)
        {
            command.Parameters.AddWithValue("last", afterId);
        }

        command.Parameters.AddWithValue("n", batchSize);
        return await ReadRowsAsync(command, batchSize, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The rows with these ids, read again and locked in <paramref name="transaction"/> (a row written since it was read).</summary>
    public static async Task<List<StageRow>> ReadLockedAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, MigratedTable table, List<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(ids);
        var idType = table.NumericId ? "bigint" : "text";
        await using var select = new NpgsqlCommand(
            $"SELECT t.id::text, t.{table.Column}::text FROM {table.Name} t WHERE t.id = ANY(@ids::text[]::{idType}[]) ORDER BY t.id FOR UPDATE", connection, transaction);
        select.Parameters.AddWithValue("ids", ids.ToArray());
        return await ReadRowsAsync(select, ids.Count, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every row of the table, batch by batch, read-only.</summary>
    public static async IAsyncEnumerable<List<StageRow>> ScanAsync(
        NpgsqlDataSource dataSource, MigratedTable table, int batchSize, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        string? last = null;
        while (true)
        {
            var rows = await ReadBatchAsync(connection, null, table, last, batchSize, cancellationToken).ConfigureAwait(false);
            if (rows.Count == 0)
            {
                yield break;
            }

            last = rows[^1].Id;
            yield return rows;
        }
    }

    private static async Task<List<StageRow>> ReadRowsAsync(NpgsqlCommand command, int capacity, CancellationToken cancellationToken)
    {
        var rows = new List<StageRow>(capacity);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new StageRow(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)));
        }

        return rows;
    }
}
