using System.Net;
using System.Text;
using System.Text.Json;
using Npgsql;
using ReferenceImpl.Api.Hosting;
using StageData.Schema;

namespace ReferenceImpl.Stores.Tests;

/// <summary>The write endpoints and the companies endpoint on a real Postgres; the schema at start-up.</summary>
[Collection(StoresGroup.Name)]
public sealed class PostgresStoreTests(StoresFixture stores)
{
    [Fact]
    public async Task StrategiesAndAllocations_SurviveARestartOnTheSameDatabase()
    {
        var database = await stores.CreateDatabaseAsync();
        string strategyLocation, allocationLocation, strategyBody, allocationBody;
        await using (var first = await RedisStoreTests.StartAsync(new ServiceOptions { DatabaseConnectionString = database }))
        {
            using var strategy = await first.Client.PostAsync("/api/portfolio/strategies", Json("""{"fundId": 1, "name": "Core", "stageAllocation": {"Seed": 0.5, "series a": 0.25, "growth": 0.25}}"""));
            Assert.Equal(HttpStatusCode.Created, strategy.StatusCode);
            strategyLocation = strategy.Headers.Location!.ToString();
            strategyBody = await first.Client.GetStringAsync(strategyLocation);

            using var allocation = await first.Client.PostAsync("/api/allocations", Json("""{"fundId": 2, "items": [{"companyId": 201, "stage": "Pre-Seed", "amount": 1000}, {"companyId": 202, "stage": "angel", "amount": 50}]}"""));
            Assert.Equal(HttpStatusCode.Created, allocation.StatusCode);
            allocationLocation = allocation.Headers.Location!.ToString();
            allocationBody = await first.Client.GetStringAsync(allocationLocation);
        }

        await using var second = await RedisStoreTests.StartAsync(new ServiceOptions { DatabaseConnectionString = database });
        Assert.Equal(strategyBody, await second.Client.GetStringAsync(strategyLocation));
        Assert.Equal(allocationBody, await second.Client.GetStringAsync(allocationLocation));
        using var stored = JsonDocument.Parse(strategyBody);
        Assert.Equal(["seed", "series-a"], stored.RootElement.GetProperty("stageAllocation").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("seed\\u0000")]
    [InlineData("\\u0001b64:c2VlZA==")]
    [InlineData("growth\\r\\nX-Injected: 1")]
    public async Task UnknownStagesThatPostgresCannotHoldAsText_AreStoredAndReadBackUnchanged(string rawJsonString)
    {
        var database = await stores.CreateDatabaseAsync();
        await using var service = await RedisStoreTests.StartAsync(new ServiceOptions
        {
            DatabaseConnectionString = database,
            Modes = new StageContract.Modes.ModeSettings { GlobalMode = StageContract.Modes.ValidationMode.Warn },
        });
        using var allocation = await service.Client.PostAsync("/api/allocations", Json($$"""{"fundId": 1, "items": [{"companyId": 101, "stage": "{{rawJsonString}}", "amount": 10}]}"""));
        Assert.Equal(HttpStatusCode.Created, allocation.StatusCode);
        var created = await allocation.Content.ReadAsStringAsync();
        Assert.Equal(created, await service.Client.GetStringAsync(allocation.Headers.Location));

        using var strategy = await service.Client.PostAsync("/api/portfolio/strategies", Json($$$"""{"fundId": 1, "name": "n", "stageAllocation": {"seed": 0.5, "{{{rawJsonString}}}": 0.5}}"""));
        Assert.Equal(HttpStatusCode.Created, strategy.StatusCode);
        var stored = await service.Client.GetStringAsync(strategy.Headers.Location);
        using var document = JsonDocument.Parse(stored);
        var ignored = document.RootElement.GetProperty("ignoredStages")[0].GetProperty("stage").GetString();
        Assert.Equal(JsonSerializer.Deserialize<string>($"\"{rawJsonString}\""), ignored);
    }

    [Fact]
    public async Task Companies_AreReadFromPostgres_AndLegacySpellingsMatchOnlyOnceMigrated()
    {
        var database = await stores.CreateDatabaseAsync();
        await using var service = await RedisStoreTests.StartAsync(new ServiceOptions { DatabaseConnectionString = database });
        await using (var data = NpgsqlDataSource.Create(database))
        await using (var insert = data.CreateCommand("INSERT INTO portfolio_companies (id, fund_id, name, stage) VALUES (9001, 2, 'New Co', 'series-b'), (9002, 2, 'Legacy Co', 'Series B')"))
        {
            await insert.ExecuteNonQueryAsync();
        }

        using var document = JsonDocument.Parse(await service.Client.GetStringAsync("/api/funds/2/companies?stage=Series%20B"));
        var ids = document.RootElement.GetProperty("companies").EnumerateArray().Select(c => c.GetProperty("id").GetInt64()).ToList();
        Assert.Equal([205L, 9001L], ids);

        using var missing = await service.Client.GetAsync("/api/funds/99/companies");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task TheSchema_IsAppliedOnce_AndTheDemoDataSeededOnce()
    {
        var database = await stores.CreateDatabaseAsync();
        await using (await RedisStoreTests.StartAsync(new ServiceOptions { DatabaseConnectionString = database }))
        {
        }

        await using (await RedisStoreTests.StartAsync(new ServiceOptions { DatabaseConnectionString = database }))
        {
        }

        await using var data = NpgsqlDataSource.Create(database);
        Assert.Empty(await SchemaMigrator.MigrateAsync(data, CancellationToken.None));
        await using var count = data.CreateCommand("SELECT (SELECT count(*) FROM schema_migrations), (SELECT count(*) FROM funds), (SELECT count(*) FROM portfolio_companies)");
        await using var reader = await count.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.Equal(SchemaMigrator.Scripts.Count, reader.GetInt64(0));
        Assert.Equal(3, reader.GetInt64(1));
        Assert.Equal(19, reader.GetInt64(2));
    }

    [Fact]
    public async Task WhenTheDatabaseStopsAnswering_ReadyzAndRequestsAnswer503()
    {
        var database = new NpgsqlConnectionStringBuilder(await stores.CreateDatabaseAsync()) { Timeout = 2, CommandTimeout = 2 }.ConnectionString;
        await using var service = await RedisStoreTests.StartAsync(new ServiceOptions { DatabaseConnectionString = database });
        using (var ready = await service.Client.GetAsync("/readyz"))
        {
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }

        await stores.Postgres.PauseAsync();
        try
        {
            using var unready = await service.Client.GetAsync("/readyz");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, unready.StatusCode);

            using var write = await service.Client.PostAsync("/api/portfolio/strategies", Json("""{"fundId": 1, "name": "Core", "stageAllocation": {"seed": 1}}"""));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, write.StatusCode);
            Assert.Equal("application/problem+json", write.Content.Headers.ContentType?.MediaType);
            Assert.Contains("STORE_UNAVAILABLE", await write.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.NotNull(write.Headers.RetryAfter);
        }
        finally
        {
            await stores.Postgres.UnpauseAsync();
        }
    }

    [Theory]
    [InlineData("STAGE_DATABASE_URL", "Host=;Database=", "must name Host and Database")]
    [InlineData("STAGE_DATABASE_URL", "Hots=x", "not an Npgsql connection string")]
    [InlineData("STAGE_REDIS_URL", ",,,", "names no endpoint")]
    [InlineData("STAGE_REDIS_URL", "   ", "is set but empty")]
    public void BadStoreSettings_AreOneLineConfigurationErrors(string variable, string value, string message)
    {
        var error = Assert.Throws<ConfigurationException>(() => EnvironmentConfiguration.Read(new Dictionary<string, string> { [variable] = value }));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
