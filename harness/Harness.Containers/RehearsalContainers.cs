using System.Security.Cryptography;
using DotNet.Testcontainers.Builders;
using Testcontainers.PostgreSql;
using Testcontainers.Redis;

namespace Harness.Containers;

/// <summary>
/// The Postgres and Redis containers that rehearsals and tests start. Image names are
/// configuration (<c>REHEARSE_POSTGRES_IMAGE</c>, <c>REHEARSE_REDIS_IMAGE</c>; defaults the official
/// images); <c>tools/containers/provision</c> sets them to local stand-ins where nothing can be
/// pulled. Every container carries <see cref="Label"/>, which the provisioning script uses to
/// remove leftovers of runs that were killed.
/// </summary>
public static class RehearsalContainers
{
    /// <summary>Label on every container this project starts.</summary>
    public const string Label = "org.rehearsal.harness";

    /// <summary>Label with the id of the process that started the container: the provisioning script removes a labelled container only when that process is gone, so concurrent runs keep theirs.</summary>
    public const string OwnerLabel = "org.rehearsal.owner-pid";

    private static string Owner => Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Default Postgres image (the contract's Postgres major version).</summary>
    public const string DefaultPostgresImage = "postgres:15-bookworm";

    /// <summary>Default Redis image.</summary>
    public const string DefaultRedisImage = "redis:7-bookworm";

    /// <summary>The configured Postgres image.</summary>
    public static string PostgresImage => Configured("REHEARSE_POSTGRES_IMAGE", DefaultPostgresImage);

    /// <summary>The configured Redis image.</summary>
    public static string RedisImage => Configured("REHEARSE_REDIS_IMAGE", DefaultRedisImage);

    /// <summary>
    /// A Postgres container with database <paramref name="database"/> and a fresh random password, on a
    /// random host port or on <paramref name="hostPort"/> (a container that a drill stops and starts
    /// again needs a fixed one: Docker picks a new random port on every start).
    /// </summary>
    public static PostgreSqlContainer Postgres(string database = "stages", int? hostPort = null) =>
        (hostPort is { } pgPort ? new PostgreSqlBuilder(PostgresImage).WithPortBinding(pgPort, PostgreSqlBuilder.PostgreSqlPort) : new PostgreSqlBuilder(PostgresImage))
            .WithDatabase(database)
            .WithUsername("rehearse")
            .WithPassword(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)))
            .WithLabel(Label, "true")
            .WithLabel(OwnerLabel, Owner)
            .WithCommand("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off")
            .WithWaitStrategy(Wait.ForUnixContainer().UntilCommandIsCompleted("pg_isready", "--host", "localhost", "--dbname", database, "--username", "rehearse"))
            .Build();

    /// <summary>A Redis container, on a random host port or on <paramref name="hostPort"/> (see <see cref="Postgres"/>).</summary>
    public static RedisContainer Redis(int? hostPort = null) =>
        (hostPort is { } redisPort ? new RedisBuilder(RedisImage).WithPortBinding(redisPort, RedisBuilder.RedisPort) : new RedisBuilder(RedisImage))
            .WithLabel(Label, "true")
            .WithLabel(OwnerLabel, Owner)
            .Build();

    /// <summary>A free TCP port of this machine, for <see cref="Postgres"/> and <see cref="Redis"/>: free when asked, so start the container soon after.</summary>
    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Any, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Configured(string variable, string fallback) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value ? value : fallback;
}

/// <summary>Databases inside a Postgres container, so that tests sharing one container do not share data.</summary>
public static class ContainerDatabases
{
    /// <summary>Creates database <paramref name="name"/> (a plain identifier) and returns its connection string.</summary>
    public static async Task<string> CreateAsync(PostgreSqlContainer container, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(container);
        if (name.Length == 0 || !name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
        {
            throw new ArgumentException($"'{name}' is not a plain lower-case identifier", nameof(name));
        }

        // Unpooled: a pooled admin connection is dead after a drill stopped and started the container, and the pool would hand it out.
        await using (var connection = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(container.GetConnectionString()) { Pooling = false }.ConnectionString))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = new Npgsql.NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return ConnectionString(container, name);
    }

    /// <summary>The connection string of a database of <paramref name="container"/> (which need not exist).</summary>
    public static string ConnectionString(PostgreSqlContainer container, string name)
    {
        ArgumentNullException.ThrowIfNull(container);
        return new Npgsql.NpgsqlConnectionStringBuilder(container.GetConnectionString()) { Database = name }.ConnectionString;
    }
}
