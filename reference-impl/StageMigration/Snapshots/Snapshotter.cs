using System.Diagnostics;
using System.Security.Cryptography;
using Npgsql;

namespace StageMigration.Snapshots;

/// <summary>
/// <c>snapshot</c> and <c>restore</c>: <c>pg_dump --format=custom</c> archives with a SHA-256
/// sidecar (<c>&lt;file&gt;.sha256</c>, in <c>sha256sum</c> format). Restore checks the archive against
/// its sidecar before it touches any database. The PostgreSQL client tools are looked up on PATH
/// (or <c>STAGE_PG_BIN</c>); their major version must not be older than the server's.
/// </summary>
public sealed class Snapshotter(TimeProvider timeProvider)
{
    /// <summary>Dumps the database of <paramref name="connectionString"/> to <paramref name="file"/>, then writes the sidecar.</summary>
    public async Task<SnapshotResult> SnapshotAsync(string connectionString, string file, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        var full = Path.GetFullPath(file);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = full + ".partial";
        await RunToolAsync("pg_dump", connectionString, ["--format=custom", "--no-owner", "--no-privileges", $"--file={temporary}"], cancellationToken).ConfigureAwait(false);
        File.Move(temporary, full, overwrite: true);
        var sha = await HashAsync(full, cancellationToken).ConfigureAwait(false);
        var sidecar = full + ".sha256";
        await File.WriteAllTextAsync(sidecar, $"{sha}  {Path.GetFileName(full)}\n", cancellationToken).ConfigureAwait(false);
        return new SnapshotResult(full, new FileInfo(full).Length, sha, sidecar, timeProvider.GetElapsedTime(started).TotalSeconds);
    }

    /// <summary>
    /// Checks <paramref name="file"/> against its sidecar, then restores it into the database of
    /// <paramref name="connectionString"/>; with <paramref name="create"/> the database is created
    /// first and must not exist.
    /// </summary>
    public async Task<RestoreResult> RestoreAsync(string connectionString, string file, bool create, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        var full = Path.GetFullPath(file);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"snapshot '{full}' does not exist", full);
        }

        var sidecar = full + ".sha256";
        if (!File.Exists(sidecar))
        {
            throw new SnapshotChecksumException($"snapshot '{full}' has no checksum sidecar '{sidecar}'; refusing to restore");
        }

        var expected = (await File.ReadAllTextAsync(sidecar, cancellationToken).ConfigureAwait(false)).Split(' ', 2)[0].Trim();
        var actual = await HashAsync(full, cancellationToken).ConfigureAwait(false);
        if (!string.Equals(expected, actual, StringComparison.OrdinalIgnoreCase))
        {
            throw new SnapshotChecksumException($"snapshot '{full}' has SHA-256 {actual}, its sidecar says {expected}; refusing to restore");
        }

        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var database = builder.Database ?? throw new ArgumentException("the connection string names no database", nameof(connectionString));
        if (create)
        {
            var admin = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
            await using var connection = new NpgsqlConnection(admin.ConnectionString);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{database.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        string[] arguments = create
            ? ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", full]
            : ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", "--clean", "--if-exists", full];
        await RunToolAsync("pg_restore", connectionString, arguments, cancellationToken).ConfigureAwait(false);
        return new RestoreResult(full, database, create, actual, timeProvider.GetElapsedTime(started).TotalSeconds);
    }

    private static async Task<string> HashAsync(string file, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
    }

    private static async Task RunToolAsync(string tool, string connectionString, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var bin = Environment.GetEnvironmentVariable("STAGE_PG_BIN");
        var start = new ProcessStartInfo(string.IsNullOrEmpty(bin) ? tool : Path.Combine(bin, tool))
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add($"--dbname={builder.Database}");
        // Credentials go through the environment, never the command line (visible in ps).
        start.Environment["PGHOST"] = builder.Host;
        start.Environment["PGPORT"] = builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = builder.Username;
        start.Environment["PGPASSWORD"] = builder.Password;
        start.Environment["PGCONNECT_TIMEOUT"] = "10";
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new ExternalToolException($"{tool} could not be started");
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new ExternalToolException($"{tool} could not be started ({exception.Message}); install postgresql-client or set STAGE_PG_BIN");
        }

        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            var error = (await stderr.ConfigureAwait(false)).Trim();
            _ = await stdout.ConfigureAwait(false);
            if (process.ExitCode != 0)
            {
                var firstLine = error.Split('\n', 2)[0];
                throw new ExternalToolException($"{tool} exited with {process.ExitCode}: {firstLine}");
            }
        }
    }
}
