using Npgsql;

namespace StageMigration.Tests;

/// <summary>plan, apply, verify, a second apply, rollback, against a real Postgres.</summary>
[Collection(PostgresGroup.Name)]
public sealed class MigrationLifecycleTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Apply_ThenVerify_Passes_AndASecondApplyChangesNothing()
    {
        var db = await postgres.CreateDatabaseAsync();
        await Tool.GenerateAsync(db, companies: 3000, strategies: 600);
        var plan = (await Tool.RunOkAsync("plan", "-d", db)).Json;
        var wouldChange = plan.GetProperty("tables").EnumerateArray().Sum(t => t.GetProperty("wouldChange").GetInt64());
        Assert.True(wouldChange > 1000, $"the generated data should need migrating, plan says {wouldChange} rows");
        Assert.NotEmpty(plan.GetProperty("unmappableValues").EnumerateArray());

        var before = (await Tool.RunAsync("verify", "-d", db));
        Assert.Equal(MigrationExitCodes.VerifyFailed, before.ExitCode);

        var apply = (await Tool.RunOkAsync("apply", "-d", db, "--batch-size", "500")).Json;
        Assert.Equal(wouldChange, apply.GetProperty("rowsChanged").GetInt64());
        Assert.Equal(MigrationExitCodes.Ok, (await Tool.RunAsync("verify", "-d", db)).ExitCode);

        var second = (await Tool.RunOkAsync("apply", "-d", db)).Json;
        Assert.Equal(0, second.GetProperty("rowsChanged").GetInt64());
        await using var data = NpgsqlDataSource.Create(db);
        await using var audit = data.CreateCommand("SELECT count(*) FROM stage_migration_audit");
        Assert.Equal(wouldChange, (long)(await audit.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task Rollback_RestoresExactlyThePreMigrationContent()
    {
        var db = await postgres.CreateDatabaseAsync();
        await Tool.GenerateAsync(db, companies: 2000, strategies: 400, seed: 7);
        var pristine = await Tool.ChecksumAsync(db);

        await Tool.RunOkAsync("apply", "-d", db, "--batch-size", "300");
        Assert.NotEqual(pristine, await Tool.ChecksumAsync(db));

        await Tool.RunOkAsync("apply", "-d", db); // a second run, which changes nothing

        var newest = (await Tool.RunOkAsync("rollback", "-d", db)).Json; // the newest run only: nothing to restore
        Assert.Equal(0, newest.GetProperty("rowsRestored").GetInt64());
        Assert.NotEqual(pristine, await Tool.ChecksumAsync(db));
        var rollback = (await Tool.RunOkAsync("rollback", "-d", db)).Json;
        Assert.Equal(0, rollback.GetProperty("conflicts").GetInt64());
        Assert.True(rollback.GetProperty("rowsRestored").GetInt64() > 0);
        Assert.Equal(pristine, await Tool.ChecksumAsync(db));

        await Tool.RunOkAsync("apply", "-d", db);
        await Tool.RunOkAsync("apply", "-d", db);
        var everything = (await Tool.RunOkAsync("rollback", "-d", db, "--all")).Json;
        Assert.True(everything.GetProperty("rowsRestored").GetInt64() > 0);
        Assert.Equal(pristine, await Tool.ChecksumAsync(db));

        // After a rollback the migration can be applied again.
        await Tool.RunOkAsync("apply", "-d", db);
        Assert.Equal(MigrationExitCodes.Ok, (await Tool.RunAsync("verify", "-d", db)).ExitCode);
    }

    [Fact]
    public async Task Verify_FailsOnATamperedRow_AndNamesIt()
    {
        var db = await postgres.CreateDatabaseAsync();
        await Tool.GenerateAsync(db, companies: 500, strategies: 100);
        await Tool.RunOkAsync("apply", "-d", db);
        await using (var data = NpgsqlDataSource.Create(db))
        await using (var tamper = data.CreateCommand("UPDATE portfolio_companies SET stage = 'Series A' WHERE id = (SELECT min(id) FROM portfolio_companies WHERE stage = 'series-a') RETURNING id"))
        {
            var id = (long)(await tamper.ExecuteScalarAsync())!;
            var verify = await Tool.RunAsync("verify", "-d", db);
            Assert.Equal(MigrationExitCodes.VerifyFailed, verify.ExitCode);
            var failed = verify.Json.GetProperty("checks").EnumerateArray().Where(c => !c.GetProperty("passed").GetBoolean()).Select(c => c.GetProperty("name").GetString()).ToList();
            Assert.Equal(["stages-canonical-or-unmappable", "second-apply-changes-nothing"], failed);
            Assert.Contains($"portfolio_companies:{id}", verify.Stdout, StringComparison.Ordinal);
            Assert.Contains("stages-canonical-or-unmappable failed", verify.Stderr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Verify_FailsOnADistributionThatDoesNotSumToOne()
    {
        var db = await postgres.CreateDatabaseAsync();
        await Tool.GenerateAsync(db, companies: 100, strategies: 200);
        await Tool.RunOkAsync("apply", "-d", db);
        await using var data = NpgsqlDataSource.Create(db);
        await using var tamper = data.CreateCommand("""UPDATE portfolio_strategies SET stage_distribution = '{"seed": 0.5, "series-a": 0.4}' WHERE id = (SELECT min(id) FROM portfolio_strategies)""");
        await tamper.ExecuteNonQueryAsync();
        var verify = await Tool.RunAsync("verify", "-d", db);
        Assert.Equal(MigrationExitCodes.VerifyFailed, verify.ExitCode);
        Assert.Contains("distributions-sum-to-1 failed", verify.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidDistributions_AreLeftUnchanged_AndFailVerify()
    {
        var db = await postgres.CreateDatabaseAsync();
        await Tool.RunOkAsync("generate", "-d", db, "--companies", "0", "--strategies", "400", "--funds", "2", "--invalid-share", "0.05");
        var plan = (await Tool.RunOkAsync("plan", "-d", db)).Json;
        var invalid = plan.GetProperty("invalidRows").GetArrayLength();
        Assert.True(invalid > 0);
        await Tool.RunOkAsync("apply", "-d", db);
        var verify = await Tool.RunAsync("verify", "-d", db);
        Assert.Equal(MigrationExitCodes.VerifyFailed, verify.ExitCode);
        Assert.Contains("invalid", verify.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rollback_LeavesRowsWrittenAfterTheMigration_AndReportsThem()
    {
        var db = await postgres.CreateDatabaseAsync();
        await Tool.GenerateAsync(db, companies: 400, strategies: 50);
        await Tool.RunOkAsync("apply", "-d", db);
        await using var data = NpgsqlDataSource.Create(db);
        await using (var write = data.CreateCommand("UPDATE portfolio_companies SET stage = 'series-b' WHERE id = (SELECT min(row_id::bigint) FROM stage_migration_audit WHERE table_name = 'portfolio_companies')"))
        {
            Assert.Equal(1, await write.ExecuteNonQueryAsync());
        }

        var rollback = await Tool.RunAsync("rollback", "-d", db);
        Assert.Equal(MigrationExitCodes.RollbackConflicts, rollback.ExitCode);
        Assert.Equal(1, rollback.Json.GetProperty("conflicts").GetInt64());
        await using var kept = data.CreateCommand("SELECT stage FROM portfolio_companies WHERE id = (SELECT min(row_id::bigint) FROM stage_migration_audit WHERE table_name = 'portfolio_companies')");
        Assert.Equal("series-b", (string)(await kept.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task Generator_IsDeterministicBySeed()
    {
        var a = await postgres.CreateDatabaseAsync();
        var b = await postgres.CreateDatabaseAsync();
        var c = await postgres.CreateDatabaseAsync();
        await Tool.GenerateAsync(a, 800, 200, seed: 42);
        await Tool.GenerateAsync(b, 800, 200, seed: 42);
        await Tool.GenerateAsync(c, 800, 200, seed: 43);
        Assert.Equal(await Tool.ChecksumAsync(a), await Tool.ChecksumAsync(b));
        Assert.NotEqual(await Tool.ChecksumAsync(a), await Tool.ChecksumAsync(c));
    }
}
