using System.Text.Json;
using Harness.Containers;
using ReferenceImpl.Api.Faults;
using ReferenceImpl.Api.Hosting;
using StageContract.Modes;
using Testcontainers.Redis;

namespace Harness.Cli.Tests;

/// <summary>
/// The redis-outage drill against a reference service whose Redis is a real container that the
/// harness pauses and stops (<c>--redis-container</c>): the clean service passes both variants, a
/// mode store without its 100 ms bound fails naming the requests it held, and without a named
/// container the drill is not applicable. One Redis container for the class, one Redis database per test.
/// </summary>
[Collection(LoadJudging.Name)]
public sealed class RedisOutageDrillTests(RedisOutageDrillTests.RedisFixture redis) : IClassFixture<RedisOutageDrillTests.RedisFixture>
{
    private const string OpsToken = "redis-outage-test-ops-token-0123456789abcdef";
    private const string WebhookToken = "redis-outage-test-bearer-token-0123456789";

    private static string Plan(string outage) => $$"""
        version: 1
        phases:
          - name: drill
            configuration: { mode: enforce, enforcementPercent: 25 }
            gates:
              - id: redis-outage
                kind: redis-outage-drill
                parameters: { outage: {{outage}}, outageSeconds: 6, beforeSeconds: 2, afterSeconds: 1, rate: 20 }
                threshold: "< 30s"
        """;

    [Theory]
    [InlineData("pause", 1)]
    [InlineData("stop", 2)]
    public async Task CleanReference_Passes_AndTheWebhookIsRefusedWhileRedisIsAway(string outage, int database)
    {
        var (code, gate, run) = await RunAsync(outage, database, FaultSet.None, withCredentials: true, withContainer: true);
        using (run)
        {
            Assert.True(gate.GetProperty("status").GetString() == "Pass", gate.ToString());
            Assert.Equal(ExitCodes.Go, code);
            var reason = gate.GetProperty("reason").GetString()!;
            Assert.Contains(", 0 failed", reason, StringComparison.Ordinal);
            Assert.Contains("webhook refused with 503 while Redis was away", reason, StringComparison.Ordinal);
            Assert.InRange(gate.GetProperty("value").GetDouble(), 0, 30);
        }
    }

    [Fact]
    public async Task ModeStoreWithoutTimeout_Fails_NamingTheHeldRequests()
    {
        var (code, gate, run) = await RunAsync("pause", 3, FaultSet.Of(Fault.ModeStoreNoTimeout), withCredentials: false, withContainer: true);
        using (run)
        {
            Assert.True(gate.GetProperty("status").GetString() == "Fail", gate.ToString());
            Assert.Equal(ExitCodes.NoGo, code);
            var reason = gate.GetProperty("reason").GetString()!;
            Assert.Contains("failed stage request(s)", reason, StringComparison.Ordinal);
            Assert.Contains("too slow", reason, StringComparison.Ordinal);
            Assert.Contains(gate.GetProperty("evidence").EnumerateArray(), e => e.GetProperty("detail").GetString() == "FAILED"
                && e.GetProperty("actual").GetString()!.Contains("ms (> 1000 ms)", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task UrlTargetWithoutRedisContainer_IsNotApplicable()
    {
        var (_, gate, run) = await RunAsync("pause", 4, FaultSet.None, withCredentials: false, withContainer: false);
        using (run)
        {
            Assert.Equal("NotApplicable", gate.GetProperty("status").GetString());
            Assert.Contains("--redis-container", gate.GetProperty("reason").GetString(), StringComparison.Ordinal);
        }
    }

    private async Task<(int Code, JsonElement Gate, CliRun Run)> RunAsync(string outage, int database, FaultSet faults, bool withCredentials, bool withContainer)
    {
        var options = ServiceOptions.Default with
        {
            Modes = new ModeSettings { GlobalMode = ValidationMode.Enforce, EnforcementPercent = 25 },
            RedisConfiguration = $"{redis.Container.GetConnectionString()},defaultDatabase={database}",
            OpsToken = OpsToken,
            WebhookBearerToken = WebhookToken,
            Faults = faults,
        };
        await using var service = await ReferenceService.StartAsync(options, CancellationToken.None);
        var variables = withCredentials
            ? new Dictionary<string, string> { ["REHEARSE_OPS_TOKEN"] = OpsToken, ["REHEARSE_WEBHOOK_TOKEN"] = WebhookToken }
            : [];
        var run = new CliRun { Environment = CliEnvironment.Of(variables) };
        var plan = run.Write("plan.yaml", Plan(outage));
        string[] container = withContainer ? ["--redis-container", redis.Container.Id] : [];
        var code = await run.RunAsync(["--phase", "drill", "--plan", plan, "--target", service.BaseAddress.ToString(), "--out", "out", .. container]);
        var report = Path.Combine(run.WorkingDirectory, "out", "report.json");
        Assert.True(File.Exists(report), run.Out + run.Error);
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        var gate = json.RootElement.GetProperty("gates").EnumerateArray().Single(g => g.GetProperty("id").GetString() == "redis-outage").Clone();
        return (code, gate, run);
    }

    /// <summary>One Redis container on a fixed host port (a stopped and started container keeps it), for the class.</summary>
    public sealed class RedisFixture : IAsyncLifetime
    {
        public RedisContainer Container { get; } = RehearsalContainers.Redis(RehearsalContainers.FreePort());

        public Task InitializeAsync() => Container.StartAsync();

        public Task DisposeAsync() => Container.DisposeAsync().AsTask();
    }
}
