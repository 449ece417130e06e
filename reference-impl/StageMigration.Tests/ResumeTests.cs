using FsCheck;
using FsCheck.Fluent;
using Npgsql;
using StageContract;
using StageMigration.Apply;

namespace StageMigration.Tests;

/// <summary>
/// Checkpoint and resume: a migration interrupted at any batch and resumed ends with exactly the
/// content of an uninterrupted one. In-process (a cancelled batch is a rolled-back transaction) as a
/// property over seeds, batch sizes and crash points; and once as a real process killed with SIGKILL.
/// </summary>
[Collection(PostgresGroup.Name)]
public sealed class ResumeTests(PostgresFixture postgres)
{
    [Fact]
    public void InterruptedAtAnyBatch_ResumesToTheUninterruptedContent()
    {
        var cases = from seed in Gen.Choose(1, 1000)
                    from batch in Gen.Choose(37, 400)
                    from permille in Gen.Choose(0, 999)
                    let batches = ((1500 + batch - 1) / batch) + ((300 + batch - 1) / batch)
                    select (seed, batch, crashAfter: permille * batches / 1000);
        Prop.ForAll(cases.ToArbitrary(), c => RunCaseAsync(c.seed, c.batch, c.crashAfter).GetAwaiter().GetResult())
            .Check(Config.QuickThrowOnFailure.WithMaxTest(6));
    }

    private async Task RunCaseAsync(int seed, int batchSize, int crashAfter)
    {
        var reference = await postgres.CreateDatabaseAsync("ref");
        var crashed = await postgres.CreateDatabaseAsync("crash");
        await Tool.GenerateAsync(reference, 1500, 300, seed);
        await Tool.GenerateAsync(crashed, 1500, 300, seed);
        await Tool.RunOkAsync("apply", "-d", reference, "--batch-size", $"{batchSize}");

        await using (var data = NpgsqlDataSource.Create(crashed))
        {
            await Tool.RunOkAsync("schema", "-d", crashed);
            using var cancellation = new CancellationTokenSource();
            var progress = new CancelAfterLines(cancellation, "committed", crashAfter);
            var migrator = new Migrator(data, ContractRules.Default, progress, TimeProvider.System);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => migrator.ApplyAsync(new ApplyOptions(batchSize), cancellation.Token));
        }

        NpgsqlConnection.ClearAllPools();
        var resumed = (await Tool.RunOkAsync("resume", "-d", crashed)).Json;
        Assert.True(resumed.GetProperty("resumed").GetBoolean());
        Assert.Equal(MigrationExitCodes.Ok, (await Tool.RunAsync("verify", "-d", crashed)).ExitCode);
        Assert.Equal(await DataChecksumAsync(reference), await DataChecksumAsync(crashed));
    }

    [Fact]
    public async Task KilledWithSigkill_MidRun_ResumesAndVerifies()
    {
        var reference = await postgres.CreateDatabaseAsync("ref");
        var killed = await postgres.CreateDatabaseAsync("kill");
        await Tool.GenerateAsync(reference, 6000, 1000, seed: 5);
        await Tool.GenerateAsync(killed, 6000, 1000, seed: 5);
        await Tool.RunOkAsync("apply", "-d", reference, "--batch-size", "250");

        using (var process = Tool.Start("apply", "-d", killed, "--batch-size", "250", "--sleep-ms", "50"))
        {
            var committed = 0;
            while (await process.StandardError.ReadLineAsync() is { } line)
            {
                if (line.Contains("committed", StringComparison.Ordinal) && ++committed == 5)
                {
                    process.Kill(entireProcessTree: true); // SIGKILL on Linux
                    break;
                }
            }

            await process.WaitForExitAsync();
            Assert.Equal(5, committed);
            Assert.NotEqual(0, process.ExitCode);
        }

        long committedBatches;
        await using (var data = NpgsqlDataSource.Create(killed))
        await using (var state = data.CreateCommand("SELECT status, (SELECT count(*) FROM stage_migration_batches WHERE status = 'completed') FROM stage_migration_runs"))
        await using (var reader = await state.ExecuteReaderAsync())
        {
            Assert.True(await reader.ReadAsync());
            Assert.Equal("running", reader.GetString(0));
            Assert.InRange(reader.GetInt64(1), 5, 6); // the batch in flight may have committed before the kill
            committedBatches = reader.GetInt64(1);
        }

        var blocked = await Tool.RunAsync("apply", "-d", killed);
        Assert.Equal(MigrationExitCodes.StateConflict, blocked.ExitCode);
        Assert.Contains("unfinished", blocked.Stderr, StringComparison.Ordinal);

        var resumed = (await Tool.RunOkAsync("resume", "-d", killed)).Json;
        var readByResume = resumed.GetProperty("tables").EnumerateArray().Sum(t => t.GetProperty("rowsRead").GetInt64());
        Assert.Equal(7000 - (committedBatches * 250), readByResume); // continued after the checkpoint, nothing redone
        Assert.Equal(MigrationExitCodes.Ok, (await Tool.RunAsync("verify", "-d", killed)).ExitCode);
        Assert.Equal(await DataChecksumAsync(reference), await DataChecksumAsync(killed));
    }

    /// <summary>The content of the migrated tables only (the audit differs in run ids and times).</summary>
    private static async Task<string> DataChecksumAsync(string database)
    {
        var json = (await Tool.RunOkAsync("checksum", "-d", database)).Json;
        return string.Join(",", json.GetProperty("tables").EnumerateArray().Select(t => t.GetProperty("md5").GetString()));
    }

    /// <summary>A progress writer that cancels the run once <c>n</c> lines containing a marker were written.</summary>
    private sealed class CancelAfterLines(CancellationTokenSource cancellation, string marker, int n) : StringWriter(System.Globalization.CultureInfo.InvariantCulture)
    {
        private int _seen;

        public override Task WriteLineAsync(string? value)
        {
            if (value is not null && value.Contains(marker, StringComparison.Ordinal) && ++_seen >= n)
            {
                cancellation.Cancel();
            }

            if (n == 0)
            {
                cancellation.Cancel();
            }

            return base.WriteLineAsync(value);
        }
    }
}
