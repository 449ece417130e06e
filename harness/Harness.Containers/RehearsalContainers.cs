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

    /// <summary>A Postgres container with database <paramref name="database"/> and a fresh random password.</summary>
    public static PostgreSqlContainer Postgres(string database = "stages") =>
        new PostgreSqlBuilder(PostgresImage)
            .WithDatabase(database)
            .WithUsername("rehearse")
            .WithPassword(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)))
            .WithLabel(Label, "true")
            .WithLabel(OwnerLabel, Owner)
            .WithCommand("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off")
            .WithWaitStrategy(Wait.ForUnixContainer().UntilCommandIsCompleted("pg_isready", "--host", "localhost", "--dbname", database, "--username", "rehearse"))
            .Build();

    /// <summary>A Redis container.</summary>
    public static RedisContainer Redis() =>
        new RedisBuilder(RedisImage)
            .WithLabel(Label, "true")
            .WithLabel(OwnerLabel, Owner)
            .Build();

    private static string Configured(string variable, string fallback) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value ? value : fallback;
}
