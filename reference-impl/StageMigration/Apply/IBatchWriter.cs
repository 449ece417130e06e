using Npgsql;
using StageMigration.Tables;

namespace StageMigration.Apply;

/// <summary>
/// Writes one keyset batch of one table in one transaction: the rows' update, one audit row per
/// changed row and the batch's row in <c>stage_migration_batches</c>, so a crash leaves the whole
/// batch or none of it.
/// </summary>
internal interface IBatchWriter
{
    /// <summary>The batch after <paramref name="afterId"/> (null: from the start); zero rows read when the table is done.</summary>
    Task<BatchOutcome> WriteAsync(
        NpgsqlConnection connection, long runId, MigratedTable table, int batchNo, string? afterId, int batchSize, DateTimeOffset startedAt, CancellationToken cancellationToken);
}
