using Harness.Engine.Observability;
using Harness.Engine.Observability.Live;
using Harness.Engine.Plans;

namespace Harness.Engine.Tests.Observability;

public sealed class RehearsalRulesTests
{
    private static readonly ObservabilitySettings Short = new() { ScrapeSeconds = 1, RuleWindowSeconds = 10, AlertForSeconds = 5 };

    [Fact]
    public void Render_ShortensEveryRateAndEveryHold_AndNothingElse()
    {
        var shipped = ObservabilityArtifacts.Rules;
        var rendered = RehearsalRules.Render(shipped, Short);

        Assert.Contains("[5m]", shipped, StringComparison.Ordinal);
        Assert.DoesNotContain("[5m]", rendered, StringComparison.Ordinal);
        Assert.Contains("[10s]", rendered, StringComparison.Ordinal);
        var holds = rendered.Split('\n').Where(l => l.TrimStart().StartsWith("for:", StringComparison.Ordinal)).Select(l => l.Trim()).ToList();
        Assert.Equal(shipped.Split('\n').Count(l => l.TrimStart().StartsWith("for:", StringComparison.Ordinal)), holds.Count);
        Assert.All(holds, h => Assert.Equal("for: 5s", h));

        // Day-old baselines keep their day and their slow evaluation; names and thresholds stay.
        Assert.Contains("[1d] offset 1d", rendered, StringComparison.Ordinal);
        Assert.Contains("interval: 5m", rendered, StringComparison.Ordinal);
        var before = PrometheusRules.Parse(shipped);
        var after = PrometheusRules.Parse(rendered);
        Assert.Equal(before.Alerts.Select(a => a.Name), after.Alerts.Select(a => a.Name));
        Assert.Equal(before.Records.Select(r => r.Name), after.Records.Select(r => r.Name));
    }

    [Fact]
    public void Render_ProductionLengths_GiveTheShippedRulesBack()
    {
        var shipped = ObservabilityArtifacts.Rules;
        var production = RehearsalRules.Render(shipped, new ObservabilitySettings { RuleWindowSeconds = 300, AlertForSeconds = 300 });
        Assert.Contains("[300s]", production, StringComparison.Ordinal);
        Assert.All(production.Split('\n').Where(l => l.TrimStart().StartsWith("for:", StringComparison.Ordinal)), l => Assert.Equal("for: 300s", l.Trim()));
    }

    [Theory]
    [InlineData(1.0, "1s")]
    [InlineData(0.5, "500ms")]
    [InlineData(900, "900s")]
    public void Duration_IsWrittenAsPrometheusReadsIt(double seconds, string text) => Assert.Equal(text, ObservabilitySettings.Duration(seconds));

    [Fact]
    public void Plan_ObservabilityBlock_SetsTheWindows()
    {
        var plan = PlanLoader.Parse("""
            version: 1
            observability: { scrapeInterval: 500ms, ruleWindow: 5m, alertFor: 15m, job: api }
            phases:
              - name: p
                configuration: { mode: warn }
                gates: [{ id: c, kind: configuration-conformance }]
            """, "test", null);
        Assert.Equal(new ObservabilitySettings { ScrapeSeconds = 0.5, RuleWindowSeconds = 300, AlertForSeconds = 900, Job = "api" }, plan.Observability);
        Assert.Equal(ObservabilitySettings.Default, PlanLoader.LoadDefault().Observability with { });
    }

    [Theory]
    [InlineData("{ ruleWindow: soon }", "observability: ruleWindow 'soon' is not a duration")]
    [InlineData("{ scrapeInterval: 5s, ruleWindow: 5s }", "observability.ruleWindow must be at least two scrape intervals")]
    [InlineData("{ alertFor: -1s }", "observability: alertFor '-1s' is not a duration")]
    [InlineData("{ window: 5s }", "window")]
    public void Plan_BadObservabilityBlock_IsAPlanError(string block, string message)
    {
        var e = Assert.Throws<PlanException>(() => PlanLoader.Parse("version: 1\nobservability: " + block + "\nphases:\n  - name: p\n    configuration: { mode: warn }\n    gates: []\n", "test", null));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }
}
