using Harness.Engine.LoadScenarios;
using Harness.Engine.Metrics;
using Harness.Engine.Observability;
using Harness.Engine.Plans;
using ReferenceImpl.Api.Hosting;
using ReferenceImpl.Api.Profiles;
using Scenarios.Catalogue;
using Scenarios.Engine;
using StageContract;

namespace Observability.Tests;

/// <summary>
/// Every metric the shipped rules and the dashboard read is one the reference service really
/// exposes, in both its profiles, after a little traffic: a rule on a metric nobody exposes never
/// fires, silently. <c>ALERTS</c> is Prometheus's own series, not the service's.
/// </summary>
public sealed class ExposedMetricsTests
{
    [Theory]
    [InlineData("default")]
    [InlineData("alternative")]
    public async Task EveryMetricTheRulesRead_IsExposedByTheReference(string profile)
    {
        var configuration = new PhaseConfiguration { Mode = "warn" };
        await using var service = await ReferenceService.StartAsync(
            new ServiceOptions { Profile = ServiceProfile.Named(profile)!, Modes = configuration.ToModeSettings() }, CancellationToken.None);
        using var http = new HttpClient { BaseAddress = service.BaseAddress };
        var step = new ScenarioStep(new LoadStep("traffic", LoadModel.Open.Constant(50), TimeSpan.FromSeconds(1)), new TrafficMix(EndpointSelection.All, 0.2));
        await SegmentRun.RunAsync(http, ContractRules.Default, configuration, new ScenarioSegment("names", null, [step]), 1, CancellationToken.None);
        var scrape = PrometheusText.Parse(await http.GetStringAsync(new Uri("/metrics", UriKind.Relative)));
        Assert.Empty(scrape.Errors);

        var rules = RuleFile.Load(Repository.RuleFile);
        var read = rules.Rules.Select(r => r.Expression).Concat(DashboardTests.Expressions(ObservabilityArtifacts.Dashboard))
            .SelectMany(rules.RawMetricsOf).Where(name => name != "ALERTS").ToHashSet(StringComparer.Ordinal);
        Assert.Contains("stage_validation_validations_total", read);
        var missing = read.Where(name => !Exposed(scrape, name)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, $"the rules or the dashboard read metrics the {profile} reference does not expose: {string.Join(", ", missing)}");
    }

    /// <summary>A sample of that name, or a family the service declares (a labelled counter with no series yet still has its <c># TYPE</c> line).</summary>
    private static bool Exposed(PrometheusScrape scrape, string name) =>
        scrape.Samples.Any(s => s.Name == name)
        || scrape.Types.ContainsKey(name)
        || (name.EndsWith("_bucket", StringComparison.Ordinal) && scrape.Types.TryGetValue(name[..^"_bucket".Length], out var type) && type == "histogram");
}
