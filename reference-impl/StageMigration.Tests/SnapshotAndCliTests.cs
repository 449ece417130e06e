namespace StageMigration.Tests;

/// <summary>snapshot/restore with the SHA-256 sidecar, and the CLI's exit codes for bad input.</summary>
[Collection(PostgresGroup.Name)]
public sealed class SnapshotAndCliTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Snapshot_RestoredIntoAFreshDatabase_HasTheSameContent()
    {
        var db = await postgres.CreateDatabaseAsync();
        await Tool.GenerateAsync(db, 1000, 200);
        var file = Path.Combine(Path.GetTempPath(), $"stage-{Guid.NewGuid():N}.dump");
        try
        {
            var snapshot = (await Tool.RunOkAsync("snapshot", "-d", db, "--file", file)).Json;
            Assert.True(File.Exists(file + ".sha256"));
            Assert.StartsWith(snapshot.GetProperty("sha256").GetString()!, await File.ReadAllTextAsync(file + ".sha256"), StringComparison.Ordinal);

            var fresh = postgres.ConnectionString($"fresh_{Guid.NewGuid():N}");
            await Tool.RunOkAsync("restore", "-d", fresh, "--file", file, "--create");
            Assert.Equal(await Tool.ChecksumAsync(db), await Tool.ChecksumAsync(fresh));
        }
        finally
        {
            File.Delete(file);
            File.Delete(file + ".sha256");
        }
    }

    [Fact]
    public async Task Restore_OfATamperedSnapshot_IsRefusedBeforeTouchingTheDatabase()
    {
        var db = await postgres.CreateDatabaseAsync();
        await Tool.GenerateAsync(db, 200, 20);
        var file = Path.Combine(Path.GetTempPath(), $"stage-{Guid.NewGuid():N}.dump");
        try
        {
            await Tool.RunOkAsync("snapshot", "-d", db, "--file", file);
            await File.AppendAllTextAsync(file, "x");
            var target = postgres.ConnectionString($"never_{Guid.NewGuid():N}");
            var restore = await Tool.RunAsync("restore", "-d", target, "--file", file, "--create");
            Assert.Equal(MigrationExitCodes.ChecksumMismatch, restore.ExitCode);
            Assert.Contains("refusing to restore", restore.Stderr, StringComparison.Ordinal);
            // The database was never created.
            var probe = await Tool.RunAsync("checksum", "-d", target);
            Assert.Equal(MigrationExitCodes.DatabaseError, probe.ExitCode);

            File.Delete(file + ".sha256");
            Assert.Equal(MigrationExitCodes.ChecksumMismatch, (await Tool.RunAsync("restore", "-d", target, "--file", file, "--create")).ExitCode);
        }
        finally
        {
            File.Delete(file);
            File.Delete(file + ".sha256");
        }
    }

    [Theory]
    [InlineData(new[] { "plan" }, MigrationExitCodes.Usage, "no database")]
    [InlineData(new[] { "plan", "-d", "not a connection string" }, MigrationExitCodes.Usage, "connection string")]
    [InlineData(new[] { "apply", "-d", "Host=127.0.0.1;Database=x", "--batch-size", "0" }, MigrationExitCodes.Usage, "--batch-size must be > 0")]
    [InlineData(new[] { "apply", "--frobnicate" }, MigrationExitCodes.Usage, "frobnicate")]
    [InlineData(new[] { "plan", "-d", "Host=127.0.0.1;Port=1;Database=x;Username=u;Password=p;Timeout=2" }, MigrationExitCodes.DatabaseError, "database:")]
    public async Task BadInput_GivesOneLineAndItsExitCode(string[] args, int code, string message)
    {
        var result = await Tool.RunAsync(args);
        Assert.Equal(code, result.ExitCode);
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.Contains(message, lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resume_WithNothingToResume_AndRollback_WithNoRun_AreStateConflicts()
    {
        var db = await postgres.CreateDatabaseAsync();
        Assert.Equal(MigrationExitCodes.StateConflict, (await Tool.RunAsync("resume", "-d", db)).ExitCode);
        Assert.Equal(MigrationExitCodes.StateConflict, (await Tool.RunAsync("rollback", "-d", db)).ExitCode);
    }
}
