using Npgsql;

namespace StageData.Schema;

/// <summary>
/// A content checksum of the data tables: the MD5 of every row's text form in primary-key order.
/// jsonb has one canonical text form, so a restored or rolled-back copy compares equal exactly
/// when its content is equal, independent of physical layout.
/// </summary>
public static class ContentChecksum
{
    /// <summary>The tables whose content the migration and its rehearsal must preserve or restore.</summary>
    public static IReadOnlyList<string> DataTables { get; } = ["funds", "portfolio_companies", "portfolio_strategies", "allocations"];

    /// <summary>Per-table checksums, in <see cref="DataTables"/> order.</summary>
    public static async Task<IReadOnlyList<TableChecksum>> ComputeAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        var result = new List<TableChecksum>();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var table in DataTables)
        {
            // Table names come from the fixed list above, never from input.
            await using var command = new NpgsqlCommand(
                $"SELECT count(*), coalesce(md5(string_agg(t::text, E'\\n' ORDER BY t.id)), md5('')) FROM {table} t", connection)
            { CommandTimeout = 600 };
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            result.Add(new TableChecksum(table, reader.GetInt64(0), reader.GetString(1)));
        }

        return result;
    }

    /// <summary>One digest over all tables' digests, for a one-line comparison.</summary>
    public static string Combine(IEnumerable<TableChecksum> tables) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(string.Join('\n', tables.Select(t => $"{t.Table}:{t.Rows}:{t.Md5}")))));
}
