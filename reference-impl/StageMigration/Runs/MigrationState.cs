using Npgsql;

namespace StageMigration.Runs;

/// <summary>Reads and locks the migration's bookkeeping.</summary>
public static class MigrationState
{
    /// <summary>Advisory lock held by apply, resume and rollback: one migration process at a time.</summary>
    public const long LockKey = 0x5354_4147_454D_4947; // "STAGEMIG"

    /// <summary>Takes the migration lock on this session, or returns false when another process holds it.</summary>
    public static async Task<bool> TryLockAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@k)", connection);
        command.Parameters.AddWithValue("k", LockKey);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>
    /// A connection holding the migration lock; a <see cref="MigrationStateException"/> when another
    /// process holds it.
    /// </summary>
    public static async Task<NpgsqlConnection> OpenLockedAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await TryLockAsync(connection, cancellationToken).ConfigureAwait(false)
                ? connection
                : throw new MigrationStateException("another migration process holds the migration lock");
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The newest run, or null.</summary>
    public static Task<MigrationRun?> LatestRunAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        ReadRunAsync(connection, "ORDER BY run_id DESC LIMIT 1", null, cancellationToken);

    /// <summary>The run with this id, or null.</summary>
    public static Task<MigrationRun?> RunAsync(NpgsqlConnection connection, long runId, CancellationToken cancellationToken) =>
        ReadRunAsync(connection, "WHERE run_id = @id", runId, cancellationToken);

    /// <summary>Row counts of both tables now.</summary>
    public static async Task<(long Companies, long Strategies)> CountRowsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT (SELECT count(*) FROM portfolio_companies), (SELECT count(*) FROM portfolio_strategies)", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>Sets a run's status (and finish time for terminal ones).</summary>
    public static async Task SetStatusAsync(NpgsqlConnection connection, long runId, string status, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "UPDATE stage_migration_runs SET status = @s, finished_at = CASE WHEN @s = 'running' THEN NULL ELSE now() END WHERE run_id = @id", connection);
        command.Parameters.AddWithValue("s", status);
        command.Parameters.AddWithValue("id", runId);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<MigrationRun?> ReadRunAsync(NpgsqlConnection connection, string where, long? id, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT run_id, status, batch_size, sleep_ms, mapping_sha256, companies_rows_before, strategies_rows_before FROM stage_migration_runs {where}", connection);
        if (id is { } value)
        {
            command.Parameters.AddWithValue("id", value);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new MigrationRun(reader.GetInt64(0), reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetString(4), reader.GetInt64(5), reader.GetInt64(6))
            : null;
    }
}
