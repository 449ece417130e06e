using System.Globalization;
using System.Reflection;
using System.Text;
using Npgsql;

namespace StageData.Schema;

/// <summary>
/// Applies the embedded versioned SQL scripts that a database has not seen yet, each in its own
/// transaction, under an advisory lock (several instances may start at once). Applied versions are
/// recorded with their checksum in <c>schema_migrations</c>; an applied script whose text has
/// changed since is an error, never silently re-run.
/// </summary>
public static class SchemaMigrator
{
    private const long AdvisoryLockKey = 0x5354_4147_4544_4154; // "STAGEDAT"

    /// <summary>The scripts shipped in this assembly, in version order.</summary>
    public static IReadOnlyList<SchemaScript> Scripts { get; } = LoadScripts();

    /// <summary>Brings the schema up to date; returns the versions applied by this call.</summary>
    public static async Task<IReadOnlyList<int>> MigrateAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, null, "SELECT pg_advisory_lock(@key)", cancellationToken, ("key", AdvisoryLockKey)).ConfigureAwait(false);
        try
        {
            await ExecuteAsync(connection, null, """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version    integer PRIMARY KEY,
                    name       text NOT NULL,
                    sha256     text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now())
                """, cancellationToken).ConfigureAwait(false);

            var applied = new Dictionary<int, string>();
            await using (var command = new NpgsqlCommand("SELECT version, sha256 FROM schema_migrations", connection))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    applied[reader.GetInt32(0)] = reader.GetString(1);
                }
            }

            var known = Scripts.ToDictionary(s => s.Version);
            foreach (var (version, sha) in applied)
            {
                if (!known.TryGetValue(version, out var script))
                {
                    throw new SchemaException($"the database has schema version {version}, which this build does not know (newer build?)");
                }

                if (!string.Equals(script.Sha256, sha, StringComparison.Ordinal))
                {
                    throw new SchemaException($"schema script V{version:D3} '{script.Name}' changed after it was applied (checksum {sha[..12]} in the database, {script.Sha256[..12]} in this build)");
                }
            }

            var done = new List<int>();
            foreach (var script in Scripts.Where(s => !applied.ContainsKey(s.Version)))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(connection, transaction, script.Sql, cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(connection, transaction, "INSERT INTO schema_migrations (version, name, sha256) VALUES (@v, @n, @s)", cancellationToken,
                    ("v", script.Version), ("n", script.Name), ("s", script.Sha256)).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                done.Add(script.Version);
            }

            return done;
        }
        finally
        {
            await ExecuteAsync(connection, null, "SELECT pg_advisory_unlock(@key)", CancellationToken.None, ("key", AdvisoryLockKey)).ConfigureAwait(false);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static List<SchemaScript> LoadScripts()
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        const string prefix = "StageData.Schema.V";
        var scripts = new List<SchemaScript>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var file = resource["StageData.Schema.".Length..];
            var separator = file.IndexOf("__", StringComparison.Ordinal);
            var version = int.Parse(file.AsSpan(1, separator - 1), NumberStyles.None, CultureInfo.InvariantCulture);
            var name = file[(separator + 2)..^".sql".Length];
            scripts.Add(new SchemaScript(version, name, Read(assembly, resource)));
        }

        scripts.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < scripts.Count; i++)
        {
            if (scripts[i].Version != i + 1)
            {
                throw new SchemaException($"schema scripts must be numbered 1, 2, 3...; found V{scripts[i].Version:D3} at position {i + 1}");
            }
        }

        return scripts;
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
