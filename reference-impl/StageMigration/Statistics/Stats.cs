using Npgsql;

namespace StageMigration.Statistics;

/// <summary><c>stats</c>.</summary>
public static class Stats
{
    /// <summary>Reads the counts.</summary>
    public static async Task<FundStats> ReadAsync(NpgsqlDataSource dataSource, long fundId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var byStage = new SortedDictionary<string, long>(StringComparer.Ordinal);
        await using (var command = new NpgsqlCommand("SELECT coalesce(stage, '(null)'), count(*) FROM portfolio_companies WHERE fund_id = @f GROUP BY 1", connection))
        {
            command.Parameters.AddWithValue("f", fundId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                byStage[reader.GetString(0)] = reader.GetInt64(1);
            }
        }

        var ids = new List<string>();
        await using (var command = new NpgsqlCommand("SELECT id FROM portfolio_strategies WHERE fund_id = @f ORDER BY id LIMIT 5", connection))
        {
            command.Parameters.AddWithValue("f", fundId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                ids.Add(reader.GetString(0));
            }
        }

        return new FundStats(fundId, byStage, ids);
    }
}
