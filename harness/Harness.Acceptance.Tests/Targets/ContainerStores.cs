using Harness.Containers;
using Npgsql;
using StackExchange.Redis;
using StageContract;
using StageMigration.Generation;
using Testcontainers.PostgreSql;
using Testcontainers.Redis;

namespace Harness.Acceptance.Tests.Targets;

/// <summary>
/// One Postgres and one Redis container shared by a collection (house style); every test gets a fresh
/// database and a flushed Redis logical database of its own, so nothing leaks from one phase to the
/// next (the global mode lives in Redis, and a drill changes it).
/// </summary>
public sealed class ContainerStores : IAsyncLifetime
{
    /// <summary>Legacy rows per test database: small, so the migration gates stay fast, but enough for a kill mid-run.</summary>
    public static readonly GeneratorOptions Legacy = new(Companies: 10_000, Strategies: 2_000, Funds: 10, Seed: 1);

    // Redis has 16 logical databases by default; the tests of a collection run one at a time.
    private const int RedisDatabases = 16;

    // Fixed host ports: the shadow phase's drills stop and start these containers, and a restarted
    // container must come back where the services were told to find it.
    private readonly PostgreSqlContainer _postgres = RehearsalContainers.Postgres("acceptance", RehearsalContainers.FreePort());
    private readonly RedisContainer _redis = RehearsalContainers.Redis(RehearsalContainers.FreePort());
    private int _databases;

    public Task InitializeAsync() => Task.WhenAll(_postgres.StartAsync(), _redis.StartAsync());

    public async Task DisposeAsync()
    {
        await _postgres.DisposeAsync();
        await _redis.DisposeAsync();
    }

    /// <summary>The arguments that let the harness's drills act on these containers.</summary>
    public string[] DrillArguments => ["--postgres-container", _postgres.Id, "--redis-container", _redis.Id];

    /// <summary>A fresh Postgres database and an empty Redis logical database for one service.</summary>
    public async Task<ServiceStores> NewAsync(CancellationToken cancellationToken)
    {
        var number = Interlocked.Increment(ref _databases);
        var database = await ContainerDatabases.CreateAsync(_postgres, $"target_{number}", cancellationToken);
        var redisDatabase = number % RedisDatabases;
        await using (var admin = await ConnectionMultiplexer.ConnectAsync($"{_redis.GetConnectionString()},allowAdmin=true"))
        {
            await admin.GetServers()[0].FlushDatabaseAsync(redisDatabase);
        }

        return new ServiceStores(database, $"{_redis.GetConnectionString()},defaultDatabase={redisDatabase}");
    }

    /// <summary>Fills the service's database with generated legacy data (after the service created its schema).</summary>
    public static async Task FillWithLegacyDataAsync(ServiceStores stores, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stores);
        await using var dataSource = NpgsqlDataSource.Create(stores.Database);
        await new DirtyDataGenerator(dataSource, ContractRules.Default, TextWriter.Null, TimeProvider.System).GenerateAsync(Legacy, cancellationToken);
    }
}
