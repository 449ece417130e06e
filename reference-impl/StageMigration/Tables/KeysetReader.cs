using Npgsql;

namespace StageMigration.Tables;

/// <summary>Keyset pagination over a migrated table (<c>WHERE id &gt; @last ORDER BY id LIMIT @n</c>).</summary>
public static class KeysetReader
{
    /// <summary>The next batch after <paramref name="afterId"/> (null: from the start); <paramref name="forUpdate"/> locks the rows in the current transaction.</summary>
    public static async Task<List<StageRow>> ReadBatchAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, MigratedTable table, string? afterId, int batchSize, bool forUpdate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        var id = table.NumericId ? "@last::bigint" : "@last";
        var where = afterId is null ? "" : $"WHERE t.id > {id}";
        var lockClause = forUpdate ? "FOR UPDATE" : "";
        // Table and column names come from MigratedTable, never from input.
        await using var command = new NpgsqlCommand(
            $"SELECT t.id::text AS row_id, t.{table.Column}::text AS row_value FROM {table.Name} t {where} ORDER BY t.id LIMIT @n {lockClause}", connection, transaction)
        { CommandTimeout = 300 };
        if (afterId is not null)
        {
            command.Parameters.AddWithValue("last", afterId);
        }

        command.Parameters.AddWithValue("n", batchSize);
        var rows = new List<StageRow>(batchSize);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new StageRow(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)));
        }

        return rows;
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
            var rows = await ReadBatchAsync(connection, null, table, last, batchSize, forUpdate: false, cancellationToken).ConfigureAwait(false);
            if (rows.Count == 0)
            {
                yield break;
            }

            last = rows[^1].Id;
            yield return rows;
        }
    }
}
