using System.Text.Json;
using Harness.Engine.Observability;

namespace Observability.Tests;

/// <summary>
/// The Grafana dashboard (observability/dashboards) is the one generated from the rule file, every
/// expression in it is valid PromQL (promtool parses it), and it shows every recorded measure and
/// every alert. That it reads only metrics the reference exposes is in <see cref="ExposedMetricsTests"/>.
/// </summary>
public sealed class DashboardTests
{
    private static string DashboardPath => Path.Combine(Repository.Root, "observability", "dashboards", ObservabilityArtifacts.DashboardFileName);

    [Fact]
    public async Task CommittedDashboard_IsTheOneGeneratedFromTheRules()
    {
        var generated = DashboardGenerator.FromRules(await File.ReadAllTextAsync(Repository.RuleFile));
        var committed = File.Exists(DashboardPath) ? await File.ReadAllTextAsync(DashboardPath) : "";
        if (committed != generated && Environment.GetEnvironmentVariable("REHEARSE_WRITE_DASHBOARD") == "1")
        {
            await File.WriteAllTextAsync(DashboardPath, generated);
            committed = generated;
        }

        Assert.True(committed == generated,
            $"{DashboardPath} is not the dashboard generated from the rules; regenerate it with REHEARSE_WRITE_DASHBOARD=1 dotnet test observability/Observability.Tests --filter CommittedDashboard");
        Assert.Equal(await File.ReadAllTextAsync(Repository.RuleFile), ObservabilityArtifacts.Rules);
    }

    [Fact]
    public async Task EveryExpression_IsValidPromql()
    {
        var expressions = Expressions(ObservabilityArtifacts.Dashboard);
        Assert.NotEmpty(expressions);
        var dir = Directory.CreateTempSubdirectory("dashboard-promql-");
        try
        {
            var file = Path.Combine(dir.FullName, "dashboard-expressions.rules.yml");
            var rules = string.Concat(expressions.Select((e, i) =>
                $"      - record: dashboard:panel_{i}:expr\n        expr: '{e.Replace("$job", ".*", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal)}'\n"));
            await File.WriteAllTextAsync(file, "groups:\n  - name: dashboard\n    rules:\n" + rules);
            var (exit, output) = await Promtool.RunAsync(dir.FullName, "check", "rules", file);
            Assert.True(exit == 0, output);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Dashboard_ShowsEveryMeasureAndEveryAlert()
    {
        var rules = RuleFile.Load(Repository.RuleFile);
        var expressions = Expressions(ObservabilityArtifacts.Dashboard);
        var text = string.Join("\n", expressions);
        Assert.All(rules.Rules.Where(r => !r.IsAlert), r => Assert.Contains(r.Name + "{", text, StringComparison.Ordinal));
        var alerts = expressions.Single(e => e.StartsWith("ALERTS{", StringComparison.Ordinal));
        Assert.All(rules.Alerts, a => Assert.Contains(a.Name, alerts, StringComparison.Ordinal));
    }

    /// <summary>Every target expression of a dashboard's panels.</summary>
    internal static IReadOnlyList<string> Expressions(string dashboard)
    {
        using var json = JsonDocument.Parse(dashboard);
        return [.. json.RootElement.GetProperty("panels").EnumerateArray()
            .SelectMany(p => p.GetProperty("targets").EnumerateArray())
            .Select(t => t.GetProperty("expr").GetString()!)];
    }
}
