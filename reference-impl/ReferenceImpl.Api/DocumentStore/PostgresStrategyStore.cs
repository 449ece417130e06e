using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using ReferenceImpl.Api.Strategies;
using ReferenceImpl.Api.Validation;

namespace ReferenceImpl.Api.DocumentStore;

/// <summary>
/// Strategies in <c>portfolio_strategies</c>: the normalized allocation is the row's
/// <c>stage_distribution</c> (the column the migration normalizes), the ignored unknown entries
/// <c>ignored_stages</c>. A legacy row is read back as it is stored.
/// </summary>
public sealed class PostgresStrategyStore(NpgsqlDataSource dataSource) : IDocumentStore<Strategy>
{
    public async Task AddAsync(string id, Strategy document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        await using var command = dataSource.CreateCommand(
            "INSERT INTO portfolio_strategies (id, fund_id, name, stage_distribution, ignored_stages) VALUES (@id, @f, @n, @d, @i)");
        Bind(command, id, document);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<Strategy?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT fund_id, name, stage_distribution::text, ignored_stages::text FROM portfolio_strategies WHERE id = @id");
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var allocation = JsonSerializer.Deserialize<Dictionary<string, double>>(reader.GetString(2), StoredJson.Options) ?? [];
        var ignored = JsonSerializer.Deserialize<List<IgnoredStage>>(reader.GetString(3), StoredJson.Options) ?? [];
        return new Strategy(id, reader.GetInt64(0), reader.GetString(1), allocation, ignored);
    }

    public async Task<bool> ReplaceAsync(string id, Strategy document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        await using var command = dataSource.CreateCommand(
            "UPDATE portfolio_strategies SET fund_id = @f, name = @n, stage_distribution = @d, ignored_stages = @i WHERE id = @id");
        Bind(command, id, document);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    private static void Bind(NpgsqlCommand command, string id, Strategy document)
    {
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("f", document.FundId);
        command.Parameters.AddWithValue("n", document.Name);
        command.Parameters.AddWithValue("d", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(document.StageAllocation, StoredJson.Options));
        command.Parameters.AddWithValue("i", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(document.IgnoredStages, StoredJson.Options));
    }
}
