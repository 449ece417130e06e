using System.Diagnostics;
using Harness.Engine.Observability;
using Harness.Engine.Observability.Live;

namespace Observability.Tests;

/// <summary>
/// What the harness generates for its own Prometheus and Alertmanager is checked by their own tools:
/// the rules as a rehearsal loads them (<c>promtool check rules</c>), the Prometheus configuration
/// (<c>promtool check config</c>, which also loads the rule file it names) and the Alertmanager
/// configuration (<c>amtool check-config</c>).
/// </summary>
public sealed class GeneratedConfigTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("rehearse-config-");

    [Fact]
    public async Task RehearsalRulesAndPrometheusConfig_PassPromtool()
    {
        var rules = Path.Combine(_directory.FullName, "rules.yml");
        await File.WriteAllTextAsync(rules, RehearsalRules.Render(ObservabilityArtifacts.Rules, ObservabilitySettings.Default));
        var checkRules = await Promtool.RunAsync(_directory.FullName, "check", "rules", rules);
        Assert.True(checkRules.ExitCode == 0, checkRules.Output);

        var start = new StackStart
        {
            PrometheusBinary = "prometheus",
            Instances = [new Uri("http://10.0.0.1:8080/api/"), new Uri("http://10.0.0.2:8080/api/")],
            WebhookUrl = new Uri("http://10.0.0.1:8080/api/_ops/stage-validation/auto-downgrade"),
            Directory = _directory.FullName,
            Rules = ObservabilityArtifacts.Rules,
        };
        var config = Monitoring.PrometheusConfig(start, rules, new Uri("http://127.0.0.1:9093/"));
        var path = Path.Combine(_directory.FullName, "prometheus.yml");
        await File.WriteAllTextAsync(path, config);
        var checkConfig = await Promtool.RunAsync(_directory.FullName, "check", "config", path);
        Assert.True(checkConfig.ExitCode == 0, checkConfig.Output + "\n" + config);
        Assert.Contains("metrics_path: \"/api/metrics\"", config, StringComparison.Ordinal);
        Assert.Contains("targets: [\"10.0.0.1:8080\", \"10.0.0.2:8080\"]", config, StringComparison.Ordinal);
        Assert.Contains("SUCCESS: 24 rules found", checkConfig.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AlertmanagerConfig_PassesAmtool_AndKeepsTheTokenOutOfIt()
    {
        var token = Path.Combine(_directory.FullName, "token");
        await File.WriteAllTextAsync(token, "secret-bearer-token");
        var config = Monitoring.AlertmanagerConfig(new Uri("http://10.0.0.1:8080/_ops/stage-validation/auto-downgrade"), token);
        var path = Path.Combine(_directory.FullName, "alertmanager.yml");
        await File.WriteAllTextAsync(path, config);
        var (code, output) = await RunAsync(Amtool(), "check-config", path);
        Assert.True(code == 0, output + "\n" + config);
        Assert.DoesNotContain("secret-bearer-token", config, StringComparison.Ordinal);
        Assert.Contains("send_resolved: false", config, StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Delete(recursive: true);

    private static string Amtool()
    {
        var beside = Environment.GetEnvironmentVariable("REHEARSE_ALERTMANAGER") is { Length: > 0 } am ? Path.Combine(Path.GetDirectoryName(am)!, "amtool") : null;
        if (beside is not null && File.Exists(beside))
        {
            return beside;
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, "amtool")).FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("amtool is not installed: run tools/observability/provision (Debian's prometheus-alertmanager package), as ./run-tests does");
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string binary, params string[] arguments)
    {
        var start = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {binary}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}
