using System.Text.Json;
using Harness.Containers;
using Npgsql;
using ReferenceImpl.Api.Hosting;
using StageContract;
using StageContract.Modes;
using StageMigration.Generation;

namespace Harness.Cli.Tests;

/// <summary>The migration gates against a URL target whose database is a real Postgres the test prepared.</summary>
public sealed class MigrationGateTests : IAsyncLifetime
{
    private const string VerifyOnlyPlan = """
        version: 1
        phases:
          - name: verify-only
            configuration: { mode: warn, enforceWriteOnly: true }
            gates:
              - id: migration-verified
                kind: migration-verify
        """;

    private readonly Testcontainers.PostgreSql.PostgreSqlContainer _postgres = RehearsalContainers.Postgres("target");

    public Task InitializeAsync() => _postgres.StartAsync();

    public Task DisposeAsync() => _postgres.DisposeAsync().AsTask();

    [Fact]
    public async Task MigrationVerify_OnLegacyDataThatWasNeverMigrated_FailsAndNamesTheBrokenInvariants()
    {
        var database = _postgres.GetConnectionString();
        await using var service = await ReferenceService.StartAsync(
            ServiceOptions.Default with { DatabaseConnectionString = database, Modes = new ModeSettings { GlobalMode = ValidationMode.Warn, EnforceWriteOnly = true } },
            CancellationToken.None);
        await using (var data = NpgsqlDataSource.Create(database))
        {
            await new DirtyDataGenerator(data, ContractRules.Default, TextWriter.Null, TimeProvider.System)
                .GenerateAsync(new GeneratorOptions(Companies: 2000, Strategies: 300, Funds: 5, Seed: 3), CancellationToken.None);
        }

        using var run = new CliRun();
        var plan = run.Write("plan.yaml", VerifyOnlyPlan);
        var code = await run.RunAsync("--phase", "verify-only", "--plan", plan, "--target", service.BaseAddress.ToString(), "--database", database, "--out", "out");
        Assert.Equal(ExitCodes.NoGo, code);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(run.WorkingDirectory, "out", "report.json")));
        var gate = json.RootElement.GetProperty("gates").EnumerateArray().Single(g => g.GetProperty("id").GetString() == "migration-verified");
        Assert.Equal("Fail", gate.GetProperty("status").GetString());
        var failed = gate.GetProperty("evidence").EnumerateArray()
            .Where(e => e.GetProperty("actual").GetString()!.StartsWith("FAILED", StringComparison.Ordinal))
            .Select(e => e.GetProperty("subject").GetString()).ToList();
        Assert.Equal(["run-completed", "row-counts", "stages-canonical-or-unmappable", "distributions-sum-to-1", "second-apply-changes-nothing"], failed);
        Assert.DoesNotContain(_postgres.GetConnectionString().Split("Password=")[1].Split(';')[0], File.ReadAllText(Path.Combine(run.WorkingDirectory, "out", "report.json")), StringComparison.Ordinal);
    }
}
