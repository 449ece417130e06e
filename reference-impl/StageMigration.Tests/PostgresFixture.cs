using System.Globalization;
using Harness.Containers;
using Testcontainers.PostgreSql;

namespace StageMigration.Tests;

/// <summary>One real Postgres container for the whole test assembly; every test gets its own database in it.</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private readonly PostgreSqlContainer _container = RehearsalContainers.Postgres("postgres_admin");
    private int _databases;

    public Task InitializeAsync() => _container.StartAsync();

    public Task DisposeAsync() => _container.DisposeAsync().AsTask();

    /// <summary>The container, for tests that reach it directly.</summary>
    public PostgreSqlContainer Container => _container;

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public Task<string> CreateDatabaseAsync(string prefix = "t") =>
        ContainerDatabases.CreateAsync(_container, string.Create(CultureInfo.InvariantCulture, $"{prefix}_{Interlocked.Increment(ref _databases)}"));

    /// <summary>The connection string of a database of this container (which need not exist).</summary>
    public string ConnectionString(string database) => ContainerDatabases.ConnectionString(_container, database);
}
