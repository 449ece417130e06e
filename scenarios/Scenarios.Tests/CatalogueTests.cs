using Scenarios.Catalogue;
using Scenarios.Engine;

namespace Scenarios.Tests;

/// <summary>The named scenarios are data: their shapes follow the settings and the rollout's rungs.</summary>
public sealed class CatalogueTests
{
    [Fact]
    public void Find_EveryName_GivesItsScenario()
    {
        Assert.All(ScenarioCatalogue.Names, n => Assert.Equal(n, ScenarioCatalogue.Find(n, ScenarioSettings.Default)!.Name));
        Assert.Null(ScenarioCatalogue.Find("stampede", ScenarioSettings.Default));
    }

    [Fact]
    public void Canary_OneSegmentPerRung_EachEnforcedAtItsPercentWithAWarmup()
    {
        var canary = ScenarioCatalogue.Canary(new ScenarioSettings(Rate: 100, StepSeconds: 3));
        Assert.Equal([10, 25, 50, 100], canary.Segments.Select(s => s.Configuration!.EnforcementPercent));
        Assert.All(canary.Segments, s =>
        {
            Assert.Equal("enforce", s.Configuration!.Mode);
            Assert.True(s.Steps[0].Load.WarmUp);
            Assert.Equal(TimeSpan.FromSeconds(3), s.Steps[1].Load.Duration);
            Assert.Equal(LoadModel.Open.Constant(100), s.Steps[1].Load.Model);
        });
    }

    [Fact]
    public void Shadow_InjectsGrowingUnknownShares_UnderDryRun()
    {
        var shadow = ScenarioCatalogue.Shadow(ScenarioSettings.Default);
        var segment = Assert.Single(shadow.Segments);
        Assert.True(segment.Configuration!.DryRun);
        Assert.Equal([0.01, 0.05, 0.2], segment.Steps.Where(s => !s.Load.WarmUp).Select(s => s.Mix.UnknownShare!.Value));
    }

    [Fact]
    public void RampThenSteady_IsTheLoadGatesShape()
    {
        var steps = ScenarioCatalogue.RampThenSteady(300, 2, 15, 1);
        Assert.Equal(["warm-up", "ramp", "steady"], steps.Select(s => s.Name));
        Assert.Equal(new LoadModel.Open(0, 300), steps[1].Model);
        Assert.True(steps[0].WarmUp);
        Assert.Equal(["ramp", "steady"], ScenarioCatalogue.RampThenSteady(300, 2, 15, 0).Select(s => s.Name));
    }
}
