using Npgsql;
using StageContract;
using StageMigration.Apply;

namespace StageMigration.Tests;

/// <summary>
/// The service keeps writing while the migration runs: a row written between the migration's read
/// and its update is judged on the value written (optimistic update, then a locked retry): a
/// canonical value is kept, another alias is migrated from it.
/// </summary>
[Collection(PostgresGroup.Name)]
public sealed class ConcurrentWriteTests(PostgresFixture postgres)
{
    [Fact]
    public async Task ARowWrittenWhileItsBatchIsInFlight_KeepsTheWritersValue()
    {
        var (db, ids) = await RunWithConcurrentWriteAsync("series-b");

        await using var data = NpgsqlDataSource.Create(db);
        Assert.Equal(3L, await CountAsync(data, "SELECT count(*) FROM portfolio_companies WHERE id = ANY(@ids) AND stage = 'series-b'", ids));
        Assert.Equal(0L, await CountAsync(data, "SELECT count(*) FROM stage_migration_audit WHERE row_id = ANY(@ids::text[])", ids)); // the rows were not changed by the migration
        Assert.Equal(MigrationExitCodes.Ok, (await Tool.RunAsync("verify", "-d", db)).ExitCode);
    }

    [Fact]
    public async Task ARowRewrittenToAnotherAliasWhileItsBatchIsInFlight_IsMigratedFromTheNewValue()
    {
        // A spelling the generator never writes, so the migration meets it only through the concurrent write.
        const string alias = "  SERIES   B  ";
        Assert.Equal("series-b", StageMigration.Rows.RowNormalizer.Default.Company(alias).NewValue);
        var (db, ids) = await RunWithConcurrentWriteAsync(alias);

        await using var data = NpgsqlDataSource.Create(db);
        Assert.Equal(3L, await CountAsync(data, "SELECT count(*) FROM portfolio_companies WHERE id = ANY(@ids) AND stage = 'series-b'", ids));
        Assert.Equal(3L, await CountAsync(data, $"SELECT count(*) FROM stage_migration_audit WHERE row_id = ANY(@ids::text[]) AND before_value = to_jsonb('{alias}'::text) AND after_value = '\"series-b\"'", ids));
        Assert.Equal(MigrationExitCodes.Ok, (await Tool.RunAsync("verify", "-d", db)).ExitCode);
    }

    /// <summary>
    /// Applies while the service holds an uncommitted write of <paramref name="written"/> to three
    /// rows of the first batch that the migration will change (aliases of series-a): the migration
    /// reads the old alias, waits on the row lock, and the write commits.
    /// </summary>
    private async Task<(string Db, long[] Ids)> RunWithConcurrentWriteAsync(string written)
    {
        var db = await postgres.CreateDatabaseAsync();
        await Tool.GenerateAsync(db, companies: 2000, strategies: 0);
        await using var data = NpgsqlDataSource.Create(db);

        var ids = new List<long>();
        await using (var pick = data.CreateCommand("SELECT id, stage FROM portfolio_companies ORDER BY id LIMIT 500"))
        await using (var reader = await pick.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync() && ids.Count < 3)
            {
                if (!reader.IsDBNull(1) && StageMigration.Rows.RowNormalizer.Default.Company(reader.GetString(1)).NewValue == "series-a")
                {
                    ids.Add(reader.GetInt64(0));
                }
            }
        }

        Assert.Equal(3, ids.Count);

        await using var writer = await data.OpenConnectionAsync();
        await using var transaction = await writer.BeginTransactionAsync();
        await using (var write = new NpgsqlCommand("UPDATE portfolio_companies SET stage = @stage WHERE id = ANY(@ids)", writer, transaction))
        {
            write.Parameters.AddWithValue("stage", written);
            write.Parameters.AddWithValue("ids", ids.ToArray());
            Assert.Equal(3, await write.ExecuteNonQueryAsync());
        }

        var apply = new Migrator(data, ContractRules.Default, TextWriter.Null, TimeProvider.System).ApplyAsync(new ApplyOptions(500), CancellationToken.None);
        Assert.True(await WaitForLockWaitAsync(data), "the migration never waited on the writer's row lock");
        await transaction.CommitAsync();
        var result = await apply;

        Assert.Equal("completed", result.Status);
        return (db, [.. ids]);
    }

    private static async Task<long> CountAsync(NpgsqlDataSource data, string sql, long[] ids)
    {
        await using var command = data.CreateCommand(sql);
        command.Parameters.AddWithValue("ids", sql.Contains("::text[]", StringComparison.Ordinal) ? ids.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray() : ids);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<bool> WaitForLockWaitAsync(NpgsqlDataSource data)
    {
        for (var i = 0; i < 200; i++)
        {
            await using var probe = data.CreateCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'");
            if ((long)(await probe.ExecuteScalarAsync())! > 0)
            {
                return true;
            }

            await Task.Delay(50);
        }

        return false;
    }
}
