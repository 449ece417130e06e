using Harness.Engine.Requests;
using Harness.Engine.Targets;

namespace Harness.Engine.Tests.Targets;

/// <summary>The self-report in the layouts services use: the contract lists the fields, not their JSON layout.</summary>
public sealed class SelfReportParserTests
{
    [Fact]
    public void Parse_FlatCamelCase_ReadsEveryField()
    {
        var read = SelfReportParser.Parse("""
            {"mode":"enforce","dryRun":false,"enforcementPercent":25,"enforceWriteOnly":true,
             "overrides":{"/api/allocations":"warn"},"sunset":"Wed, 30 Jun 2027 00:00:00 GMT","docsUrl":"https://d.example/x"}
            """, StageContract.ContractRules.Default.Endpoints.Routes);
        Assert.True(read.Succeeded);
        Assert.Equal("mode=enforce dryRun=false enforcementPercent=25 enforceWriteOnly=true overrides={/api/allocations: warn}", read.Report.Configuration!.Describe());
        Assert.Equal(("Wed, 30 Jun 2027 00:00:00 GMT", "https://d.example/x", "the body"), (read.Report.Sunset, read.Report.DocsUrl, read.Report.Shape));
    }

    [Fact]
    public void Parse_ItemsSnakeCaseWithExpressRoutes_MapsOntoTheContract()
    {
        var read = SelfReportParser.Parse("""
            {"items":[{"current_mode":"warn","dry_run":"true","enforcement_percent":"10%","enforce_write_only":0,
              "endpoint_overrides":{"/api/allocations/:id":"enforce","/api/funds/<fund>/companies":{"mode":"off"}},
              "sunset":"Thu, 01 Jul 2027 00:00:00 GMT","docs_url":"https://docs.team.example/stages"}]}
            """, StageContract.ContractRules.Default.Endpoints.Routes);
        Assert.True(read.Succeeded);
        var report = read.Report;
        Assert.Equal("items[0]", report.Shape);
        Assert.Equal(("warn", true, 10, false), (report.Mode, report.DryRun, report.EnforcementPercent, report.EnforceWriteOnly));
        Assert.Equal("enforce", report.Overrides!["/api/allocations/{id}"]);
        Assert.Equal("off", report.Overrides["/api/funds/{fundId}/companies"]);
        Assert.Equal("https://docs.team.example/stages", report.DocsUrl);
    }

    [Fact]
    public void Parse_WrappedAndOverridesAsAList_Reads()
    {
        var read = SelfReportParser.Parse("""
            {"configuration":{"Mode":"Enforce","EnforcementPercent":50,"Overrides":[{"route":"/api/allocations","mode":"warn"}]}}
            """, StageContract.ContractRules.Default.Endpoints.Routes);
        Assert.True(read.Succeeded);
        Assert.Equal(("enforce", 50, "configuration"), (read.Report.Mode, read.Report.EnforcementPercent, read.Report.Shape));
        Assert.Equal("warn", read.Report.Overrides!["/api/allocations"]);
    }

    [Fact]
    public void Parse_FieldThatCannotBeRead_IsListedNotGuessed()
    {
        var read = SelfReportParser.Parse("""{"mode":"sometimes","enforcementPercent":250}""", StageContract.ContractRules.Default.Endpoints.Routes);
        Assert.True(read.Succeeded);
        Assert.Null(read.Report.Mode);
        Assert.Null(read.Report.EnforcementPercent);
        Assert.Equal(2, read.Report.Unreadable.Count);
    }

    [Theory]
    [InlineData("<html>")]
    [InlineData("[1,2]")]
    [InlineData("{\"status\":\"ok\"}")]
    public void Parse_NothingToRead_IsAnErrorNotAnException(string body)
    {
        var read = SelfReportParser.Parse(body, StageContract.ContractRules.Default.Endpoints.Routes);
        Assert.False(read.Succeeded);
        Assert.StartsWith("GET /api/deprecations: ", read.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/funds/:fundId/companies", "/api/funds/{fundId}/companies")]
    [InlineData("/api/funds/{fund_id:int}/companies/", "/api/funds/{fundId}/companies")]
    [InlineData("/API/Allocations/<id>", "/api/allocations/{id}")]
    [InlineData("/api/allocations", "/api/allocations")]
    public void RouteSpelling_MatchesTheContractTemplate(string spelled, string template) =>
        Assert.Equal(template, RouteSpelling.Match(spelled, StageContract.ContractRules.Default.Endpoints.Routes));

    [Fact]
    public void RouteSpelling_ARawPath_IsNoTemplate() =>
        Assert.Null(RouteSpelling.Match("/api/funds/1/companies/extra", StageContract.ContractRules.Default.Endpoints.Routes));
}
