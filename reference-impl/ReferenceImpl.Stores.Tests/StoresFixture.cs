using System.Globalization;
using Harness.Containers;
using Testcontainers.PostgreSql;
using Testcontainers.Redis;

namespace ReferenceImpl.Stores.Tests;

/// <summary>One real Postgres and one real Redis for the assembly; each test takes its own database and Redis key space (database number).</summary>
public sealed class StoresFixture : IAsyncLifetime
{
    private int _databases;
    private int _redisDatabases;

    public PostgreSqlContainer Postgres { get; } = RehearsalContainers.Postgres("service_admin");

    public RedisContainer Redis { get; } = RehearsalContainers.Redis();

    public Task InitializeAsync() => Task.WhenAll(Postgres.StartAsync(), Redis.StartAsync());

    public async Task DisposeAsync()
    {
        await Postgres.DisposeAsync();
        await Redis.DisposeAsync();
    }

    /// <summary>A new empty database.</summary>
    public Task<string> CreateDatabaseAsync() =>
        ContainerDatabases.CreateAsync(Postgres, string.Create(CultureInfo.InvariantCulture, $"svc_{Interlocked.Increment(ref _databases)}"));

    /// <summary>A Redis configuration on a database number of its own (0-15), so tests do not see each other's keys.</summary>
    public string RedisConfiguration() =>
        string.Create(CultureInfo.InvariantCulture, $"{Redis.GetConnectionString()},defaultDatabase={Interlocked.Increment(ref _redisDatabases) % 16}");
}
