using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Harness.Engine.Gates.BoundedLabels;
using Harness.Engine.Metrics;
using StageContract;

namespace Harness.Engine.Tests.Gates;

/// <summary>The pure rules behind bounded-labels: the endpoint label read by meaning, and label growth between two scrapes.</summary>
[Properties(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 300)]
public sealed class LabelRulesTests
{
    private static readonly IReadOnlyList<string> Routes = ContractRules.Default.Endpoints.Routes;

    [Property]
    public void EndpointLabels_AnySpellingOfAContractRoute_IsThatRouteAndNoRequestPath(Spelled route)
    {
        Assert.True(EndpointLabels.SpellsARoute(route.Label, Routes), route.Label);
        Assert.False(EndpointLabels.IsRequestPath(route.Label, Routes), route.Label);
    }

    [Property]
    public void EndpointLabels_AnyRequestPathOfARouteWithParameters_IsARequestPath(Concrete path)
    {
        Assert.True(EndpointLabels.IsRequestPath(path.Label, Routes), path.Label);
        Assert.False(EndpointLabels.SpellsARoute(path.Label, Routes), path.Label);
    }

    [Theory]
    [InlineData("unmatched")]
    [InlineData("no_route")]
    [InlineData("/metrics")]
    [InlineData("/_ops/stage-validation/mode")]
    [InlineData("/api/other/{id}")]
    public void EndpointLabels_OtherRoutesAndNames_AreNeitherAStageRouteNorARequestPath(string label)
    {
        Assert.False(EndpointLabels.SpellsARoute(label, Routes));
        Assert.False(EndpointLabels.IsRequestPath(label, Routes));
    }

    [Fact]
    public void EndpointLabels_AQueryString_MakesARequestPath()
    {
        Assert.True(EndpointLabels.IsRequestPath("/api/monte-carlo/simulate?runs=5", Routes));
    }

    [Fact]
    public void LabelGrowth_SameValues_IsNothing()
    {
        var scrape = PrometheusText.Parse("a_total{x=\"1\"} 1\nhttp_requests_total{endpoint=\"/x\"} 2\n");
        Assert.Empty(LabelGrowth.Between(scrape, scrape, ["http_requests_total"], 0));
    }

    [Fact]
    public void LabelGrowth_NewValues_AreNamedWithTheirCountAndFirstLine()
    {
        var before = PrometheusText.Parse("http_requests_total{endpoint=\"/x\",method=\"GET\"} 2\n");
        var after = PrometheusText.Parse("http_requests_total{endpoint=\"/x\",method=\"GET\"} 2\nhttp_requests_total{endpoint=\"/a/1\",method=\"GET\"} 1\nhttp_requests_total{endpoint=\"/a/2\",method=\"GET\"} 1\n");

        var violation = Assert.Single(LabelGrowth.Between(before, after, ["http_requests_total"], 0));

        Assert.Equal(new LabelViolation("http_requests_total", "endpoint", "/a/1, /a/2", violation.Why, 2), violation);
        Assert.Contains("gained 2 value(s)", violation.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void LabelGrowth_ANewFamily_GrowsFromNothing()
    {
        var before = PrometheusText.Parse("x_total 1\n");
        var after = PrometheusText.Parse("x_total 1\nstage_unknown_values_total{stage=\"a\"} 1\nstage_unknown_values_total{stage=\"b\"} 1\nstage_unknown_values_total{stage=\"c\"} 1\n");

        Assert.Equal("stage", Assert.Single(LabelGrowth.Between(before, after, [], 2)).Label);
    }

    /// <summary>A contract route with its parameters spelled the way some web framework spells them.</summary>
    public sealed record Spelled(string Label);

    /// <summary>A request path of a contract route that has parameters.</summary>
    public sealed record Concrete(string Label);

    public static class Arbitraries
    {
        private static readonly Gen<string> Name = Gen.Elements("id", "fundId", "x", "strategyId");

        public static Arbitrary<Spelled> Spellings() => Arb.From(
            from route in Gen.Elements(Routes.ToArray())
            from style in Gen.Choose(0, 4)
            from name in Name
            from slash in Gen.Elements("", "/")
            select new Spelled(string.Join('/', route.Split('/').Select(s => s.StartsWith('{') ? Spell(style, name) : s)) + slash));

        public static Arbitrary<Concrete> RequestPaths() => Arb.From(
            from route in Gen.Elements(Routes.Where(r => r.Contains('{', StringComparison.Ordinal)).ToArray())
            from id in Gen.Elements("1", "42", "7f3a", "a1b2c3", "00000000-0000-0000-0000-000000000000")
            select new Concrete(string.Join('/', route.Split('/').Select(s => s.StartsWith('{') ? id : s))));

        private static string Spell(int style, string name) => style switch
        {
            0 => "{" + name + "}",
            1 => ":" + name,
            2 => "<" + name + ">",
            3 => "{" + name + ":int}",
            _ => "[" + name + "]",
        };
    }
}
