using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using ReferenceImpl.Api.Faults;
using ReferenceImpl.Api.Hosting;
using StageContract.Modes;

namespace Harness.Cli.Tests;

/// <summary>
/// The PromQL gates and the alert-chain drill with the real parts: the harness starts Prometheus and
/// Alertmanager (Debian binaries) against a reference service; a broken link of the chain is named.
/// </summary>
[Collection(LoadJudging.Name)]
public sealed class AlertChainTests
{
    private const string Plan = """
        version: 1
        phases:
          - name: chain
            configuration: { mode: enforce, enforcementPercent: 25 }
            gates:
              - id: promql-mode
                kind: promql
                parameters: { expr: 'job:stage_validation_mode:min{job="$job"}', window: 0, rate: 0 }
                threshold: "== 2"
              - id: promql-error-ratio
                kind: promql
                parameters: { expr: 'job:stage_validation_payload_error_ratio:rate5m{job="$job"}', window: 5, rate: 40, unknownShare: 0.05, agreeWith: unknown-ratio }
                threshold: "< 1%"
              - id: alert-chain-drill
                kind: alert-chain-drill
                threshold: "<= 30s"
        """;

    [Fact]
    public async Task CleanReference_IsGo_AndTheReportShowsTheRuleToWarnTime()
    {
        var (code, gates, run, directory) = await RunAsync(FaultSet.None);
        using (run)
        {
            Assert.Equal(ExitCodes.Go, code);
            var drill = gates["alert-chain-drill"];
            Assert.Equal("Pass", drill.GetProperty("status").GetString());
            Assert.InRange(drill.GetProperty("value").GetDouble(), 0, 30);
            Assert.StartsWith("rule-to-warn ", drill.GetProperty("reason").GetString(), StringComparison.Ordinal);
            Assert.Contains("mode restored to enforce", drill.GetProperty("reason").GetString(), StringComparison.Ordinal);
            var ratio = gates["promql-error-ratio"];
            Assert.Equal("Pass", ratio.GetProperty("status").GetString());
            Assert.Contains(ratio.GetProperty("evidence").EnumerateArray(), e => e.GetProperty("subject").GetString() == "agreement: unknown-ratio");

            var html = File.ReadAllText(Path.Combine(directory, "report.html"));
            Assert.Contains("PromQL: job:stage_validation_payload_error_ratio:rate5m", html, StringComparison.Ordinal);
            Assert.Contains("| Pass | " + drill.GetProperty("valueText").GetString() + " | &lt;= 30s | 1 | rule-to-warn ", File.ReadAllText(Path.Combine(directory, "report.md")), StringComparison.Ordinal);
            var stack = Path.Combine(directory, "observability", "rehearsal");
            Assert.Contains("stage_validation_payload_error_ratio", File.ReadAllText(Path.Combine(stack, "stage-validation.rehearsal.rules.yml")), StringComparison.Ordinal);
            Assert.Contains("credentials_file", File.ReadAllText(Path.Combine(stack, "alertmanager.yml")), StringComparison.Ordinal);
            Assert.DoesNotContain(Token, File.ReadAllText(Path.Combine(stack, "alertmanager.yml")), StringComparison.Ordinal);
            Assert.Contains("scrape_interval: 1s", File.ReadAllText(Path.Combine(stack, "prometheus.yml")), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task WebhookUnreachableFromAlertmanager_FailsNamingThatLink()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var closed = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var (code, gates, run, _) = await RunAsync(FaultSet.None, "--webhook-url", $"http://127.0.0.1:{closed}/_ops/stage-validation/auto-downgrade");
        using (run)
        {
            Assert.Equal(ExitCodes.NoGo, code);
            var drill = gates["alert-chain-drill"];
            Assert.Equal("Fail", drill.GetProperty("status").GetString());
            Assert.Contains("broken link: Alertmanager to the webhook", drill.GetProperty("reason").GetString(), StringComparison.Ordinal);
            Assert.Contains("mode restored to enforce", drill.GetProperty("reason").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task KeepsEnforcingAfterTheAlert_FailsNamingTheService()
    {
        var (code, gates, run, _) = await RunAsync(FaultSet.Of(Fault.DowngradeKeepsEnforcing));
        using (run)
        {
            Assert.Equal(ExitCodes.NoGo, code);
            var drill = gates["alert-chain-drill"];
            Assert.Equal("Fail", drill.GetProperty("status").GetString());
            var reason = drill.GetProperty("reason").GetString()!;
            Assert.Contains("broken link: the service. Alertmanager delivered", reason, StringComparison.Ordinal);
            Assert.Contains("still answered enforce", reason, StringComparison.Ordinal);
            Assert.Contains("the target reports warn while it still answers like this", reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task UnknownStagesNotCounted_RuleNeverFires_AndPrometheusDisagreesWithTheHarness()
    {
        var (code, gates, run, _) = await RunAsync(FaultSet.Of(Fault.UnknownNotCounted));
        using (run)
        {
            Assert.Equal(ExitCodes.NoGo, code);
            var drill = gates["alert-chain-drill"];
            Assert.Equal("Fail", drill.GetProperty("status").GetString());
            Assert.Contains("broken link: the rule. StageUnknownRateOverExitThreshold never fired", drill.GetProperty("reason").GetString(), StringComparison.Ordinal);
            var ratio = gates["promql-error-ratio"];
            Assert.Equal("Fail", ratio.GetProperty("status").GetString());
            Assert.Contains("Prometheus and the harness disagree on the unknown-ratio", ratio.GetProperty("reason").GetString(), StringComparison.Ordinal);
        }
    }

    private const string Token = "alert-chain-test-bearer-token-0123456789";

    private static async Task<(int Code, Dictionary<string, JsonElement> Gates, CliRun Run, string Directory)> RunAsync(FaultSet faults, params string[] extra)
    {
        var options = ServiceOptions.Default with
        {
            Modes = new ModeSettings { GlobalMode = ValidationMode.Enforce, EnforcementPercent = 25 },
            OpsToken = "alert-chain-test-ops-token-0123456789abcdef",
            WebhookBearerToken = Token,
            Faults = faults,
        };
        await using var service = await ReferenceService.StartAsync(options, CancellationToken.None);
        var variables = new Dictionary<string, string>
        {
            ["REHEARSE_OPS_TOKEN"] = options.OpsToken,
            ["REHEARSE_WEBHOOK_TOKEN"] = Token,
        };
        foreach (var name in new[] { "REHEARSE_PROMETHEUS", "REHEARSE_ALERTMANAGER" })
        {
            if (Environment.GetEnvironmentVariable(name) is { Length: > 0 } value)
            {
                variables[name] = value;
            }
        }

        var run = new CliRun { Environment = CliEnvironment.Of(variables) };
        var plan = run.Write("plan.yaml", Plan);
        var code = await run.RunAsync(["--phase", "chain", "--plan", plan, "--target", service.BaseAddress.ToString(), "--out", "out", .. extra]);
        var directory = Path.Combine(run.WorkingDirectory, "out");
        Assert.True(File.Exists(Path.Combine(directory, "report.json")), run.Out + run.Error);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "report.json")));
        var gates = json.RootElement.GetProperty("gates").EnumerateArray().ToDictionary(g => g.GetProperty("id").GetString()!, g => g.Clone());
        return (code, gates, run, directory);
    }
}
