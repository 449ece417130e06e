using Npgsql;
using StageContract;
using StageMigration.Apply;

namespace StageMigration.Tests;

/// <summary>
/// The service keeps writing while the migration runs: a row written between the migration's read
/// and its update must keep the service's value (optimistic update, then a locked re-read).
/// </summary>
[Collection(PostgresGroup.Name)]
public sealed class ConcurrentWriteTests(PostgresFixture postgres)
{
    [Fact]
    public async Task ARowWrittenWhileItsBatchIsInFlight_KeepsTheWritersValue()
    {
        var db = await postgres.CreateDatabaseAsync();
        await Tool.GenerateAsync(db, companies: 2000, strategies: 0);
        await using var data = NpgsqlDataSource.Create(db);

        // Three rows of the first batch that the migration will change (aliases of series-a).
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

        // The service's write: uncommitted, so the migration reads the old alias and then waits on the row lock.
        await using var writer = await data.OpenConnectionAsync();
        await using var transaction = await writer.BeginTransactionAsync();
        await using (var write = new NpgsqlCommand("UPDATE portfolio_companies SET stage = 'series-b' WHERE id = ANY(@ids)", writer, transaction))
        {
            write.Parameters.AddWithValue("ids", ids.ToArray());
            Assert.Equal(3, await write.ExecuteNonQueryAsync());
        }

        var apply = new Migrator(data, ContractRules.Default, TextWriter.Null, TimeProvider.System).ApplyAsync(new ApplyOptions(500), CancellationToken.None);
        Assert.True(await WaitForLockWaitAsync(data), "the migration never waited on the writer's row lock");
        await transaction.CommitAsync();
        var result = await apply;

        Assert.Equal("completed", result.Status);
        await using (var check = data.CreateCommand("SELECT count(*) FROM portfolio_companies WHERE id = ANY(@ids) AND stage = 'series-b'"))
        {
            check.Parameters.AddWithValue("ids", ids.ToArray());
            Assert.Equal(3L, (long)(await check.ExecuteScalarAsync())!);
        }

        await using (var audit = data.CreateCommand("SELECT count(*) FROM stage_migration_audit WHERE row_id = ANY(@ids)"))
        {
            audit.Parameters.AddWithValue("ids", ids.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray());
            Assert.Equal(0L, (long)(await audit.ExecuteScalarAsync())!); // the rows were not changed by the migration
        }

        Assert.Equal(MigrationExitCodes.Ok, (await Tool.RunAsync("verify", "-d", db)).ExitCode);
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
