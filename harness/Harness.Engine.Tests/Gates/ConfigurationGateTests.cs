using Harness.Engine.Gates;
using Harness.Engine.Gates.Configuration;
using Harness.Engine.Plans;
using Harness.Engine.Targets;
using StageContract;
using StageContract.Modes;

namespace Harness.Engine.Tests.Gates;

/// <summary>
/// The configuration gate decides what a target runs from how it answers probes; the self-report,
/// in any layout, is held to that behaviour and never blocks when it cannot be read.
/// </summary>
public sealed class ConfigurationGateTests
{
    private const string FlatWarn = """
        {"mode":"warn","dryRun":false,"enforcementPercent":100,"enforceWriteOnly":false,"overrides":{},
         "sunset":"Wed, 30 Jun 2027 00:00:00 GMT","docsUrl":"https://docs.team.example/stages"}
        """;

    private const string ItemsWarn = """
        {"items":[{"current_mode":"warn","dry_run":false,"enforcement_percent":100,"enforce_write_only":false,
          "endpoint_overrides":{},"sunset":"Wed, 30 Jun 2027 00:00:00 GMT","docs_url":"https://docs.team.example/stages"}]}
        """;

    private static readonly ModeSettings Warn = new() { GlobalMode = ValidationMode.Warn };

    [Fact]
    public async Task Configuration_FlatSelfReportAndWarnBehaviour_Passes()
    {
        var result = await RunAsync(Warn, FlatWarn, new PhaseConfiguration { Mode = "warn" });
        Assert.Equal(GateStatus.Pass, result.Status);
        Assert.Contains("probes answered as the phase configuration gives", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Configuration_ItemsSnakeCaseSelfReport_IsReadAndPasses()
    {
        // Regression: the gate once read only its own flat shape and was NotEvaluated ("'mode' is missing").
        var result = await RunAsync(Warn, ItemsWarn, new PhaseConfiguration { Mode = "warn" });
        Assert.Equal(GateStatus.Pass, result.Status);
        Assert.Contains("self-report (items[0]) agrees", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Configuration_UnreadableSelfReport_NeverBlocks_BehaviourDecides()
    {
        var result = await RunAsync(Warn, "<html>not json</html>", new PhaseConfiguration { Mode = "warn" });
        Assert.Equal(GateStatus.Pass, result.Status);
        Assert.Contains(result.Evidence, e => e.Actual == "unreadable" && e.Detail!.Contains("judged by behaviour alone", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Configuration_TargetEnforcingWhileThePhaseWarns_FailsByBehaviour()
    {
        var enforce = new ModeSettings { GlobalMode = ValidationMode.Enforce };
        var result = await RunAsync(enforce, FlatWarn.Replace("\"mode\":\"warn\"", "\"mode\":\"enforce\"", StringComparison.Ordinal), new PhaseConfiguration { Mode = "warn" });
        Assert.Equal(GateStatus.Fail, result.Status);
        Assert.Contains(result.Evidence, e => e.Subject.StartsWith("behaviour of ", StringComparison.Ordinal) && e.Expected == "warn" && e.Actual.StartsWith("enforce: rejected 400", StringComparison.Ordinal));
        Assert.Contains("mode (self-report): phase expects warn, target has enforce", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Configuration_SelfReportSaysWarnButRequestsAreRejected_FailsNamingTheContradiction()
    {
        var enforce = new ModeSettings { GlobalMode = ValidationMode.Enforce };
        var result = await RunAsync(enforce, FlatWarn, new PhaseConfiguration { Mode = "warn" });
        Assert.Equal(GateStatus.Fail, result.Status);
        Assert.Contains(result.Evidence, e => e.Subject == "self-report vs behaviour");
    }

    [Fact]
    public async Task Configuration_BucketOffByOne_FailsAtTheBoundaryAndFindsThePercent()
    {
        var phase = new PhaseConfiguration { Mode = "enforce", EnforcementPercent = 25 };
        var settings = new ModeSettings { GlobalMode = ValidationMode.Enforce, EnforcementPercent = 26 };
        var result = await RunAsync(settings, FlatWarn.Replace("\"mode\":\"warn\"", "\"mode\":\"enforce\"", StringComparison.Ordinal).Replace(":100", ":25", StringComparison.Ordinal), phase);
        Assert.Equal(GateStatus.Fail, result.Status);
        Assert.Contains(result.Evidence, e => e.Subject.Contains("bucket 25", StringComparison.Ordinal) && e.Expected == "warn");
        Assert.Contains(result.Evidence, e => e.Subject == "enforcementPercent (behaviour)" && e.Actual.StartsWith("26 ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Configuration_SelfReportedSunsetDiffersFromTheHeaderSent_Fails()
    {
        var report = FlatWarn.Replace("Wed, 30 Jun 2027", "Thu, 01 Jan 2026", StringComparison.Ordinal);
        var result = await RunAsync(Warn, report, new PhaseConfiguration { Mode = "warn" });
        Assert.Equal(GateStatus.Fail, result.Status);
        Assert.Contains("sunset (self-report): phase expects Wed, 30 Jun 2027 00:00:00 GMT, target has Thu, 01 Jan 2026 00:00:00 GMT", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(25, new[] { 0, 24, 25, 99 })]
    [InlineData(100, new[] { 0, 99 })]
    [InlineData(0, new[] { 0, 99 })]
    [InlineData(1, new[] { 0, 1, 99 })]
    public void Buckets_ProbeBothSidesOfThePercent(int percent, int[] expected) =>
        Assert.Equal(expected, ConfigurationConformanceGate.Buckets(percent));

    private static async Task<GateResult> RunAsync(ModeSettings target, string selfReport, PhaseConfiguration phase)
    {
        var spec = new GateSpec { Id = "configuration", Kind = GateKinds.ConfigurationConformance };
        var context = new GateContext
        {
            Http = ModeStub.Client(target, selfReport),
            Phase = new Phase { Name = "p", Configuration = phase, Gates = [spec] },
            Spec = spec,
            Seed = 5,
            DeprecationValues = DeprecationValues.ToLearn(ContractRules.Default.Data.Headers),
        };
        return await ConfigurationConformanceGate.Create(spec).Gate!.EvaluateAsync(context, CancellationToken.None);
    }
}
