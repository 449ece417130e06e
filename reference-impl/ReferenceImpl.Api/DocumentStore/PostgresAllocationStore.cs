using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using ReferenceImpl.Api.Allocations;

namespace ReferenceImpl.Api.DocumentStore;

/// <summary>Allocations in <c>allocations</c>, one jsonb document per allocation.</summary>
public sealed class PostgresAllocationStore(NpgsqlDataSource dataSource) : IDocumentStore<Allocation>
{
    public async Task AddAsync(string id, Allocation document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        await using var command = dataSource.CreateCommand("INSERT INTO allocations (id, fund_id, document) VALUES (@id, @f, @d)");
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("f", document.FundId);
        command.Parameters.AddWithValue("d", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(document, StoredJson.Options));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<Allocation?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT document::text FROM allocations WHERE id = @id");
        command.Parameters.AddWithValue("id", id);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string json
            ? JsonSerializer.Deserialize<Allocation>(json, StoredJson.Options)
            : null;
    }

    public async Task<bool> ReplaceAsync(string id, Allocation document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        await using var command = dataSource.CreateCommand("UPDATE allocations SET fund_id = @f, document = @d WHERE id = @id");
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("f", document.FundId);
        command.Parameters.AddWithValue("d", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(document, StoredJson.Options));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }
}
