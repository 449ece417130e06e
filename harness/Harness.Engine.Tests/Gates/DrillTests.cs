using System.Net;
using Harness.Engine.Gates;
using Harness.Engine.Plans;
using Harness.Engine.Targets;
using StageContract;
using StageContract.Modes;

namespace Harness.Engine.Tests.Gates;

/// <summary>The drill judges the downgrade by how requests are answered, not by what the target says.</summary>
public sealed class DrillTests
{
    private static readonly Phase Enforce = new() { Name = "enforce-100", Configuration = new PhaseConfiguration { Mode = "enforce" }, Gates = [] };

    [Fact]
    public async Task Drill_SelfReportSaysWarnButRequestsStayEnforced_Fails()
    {
        // Regression: the drill used to pass as soon as /api/deprecations said warn (a store write that
        // failed, or another instance, can leave requests enforced while one instance reports warn).
        var target = new Target { DowngradeBehaviour = false };
        var result = await RunAsync(target);
        Assert.Equal(GateStatus.Fail, result.Status);
        Assert.Contains("requests still answered enforce", result.Reason, StringComparison.Ordinal);
        Assert.True(target.Restored);
    }

    [Fact]
    public async Task Drill_RequestsAnsweredInWarnAfterTheAlert_PassesAndRestores()
    {
        var target = new Target { DowngradeBehaviour = true };
        var result = await RunAsync(target);
        Assert.Equal(GateStatus.Pass, result.Status);
        Assert.Contains("requests answered in warn", result.Reason, StringComparison.Ordinal);
        Assert.True(target.Restored);
    }

    private static async Task<GateResult> RunAsync(Target target)
    {
        var spec = new GateSpec { Id = "drill", Kind = GateKinds.AutoDowngradeDrill, Threshold = Threshold.Parse("<= 3s"), Parameters = new GateParameters(System.Text.Json.JsonDocument.Parse("{\"pollMilliseconds\":20}").RootElement) };
        var context = new GateContext
        {
            Http = StubHandler.Client(target.Answer),
            Phase = Enforce,
            Spec = spec,
            Seed = 1,
            Credentials = new TargetCredentials(null, "bearer-token", "ops-token"),
            DeprecationValues = DeprecationValues.ToLearn(ContractRules.Default.Data.Headers),
        };
        return await BuiltInGates.Registry.Create(spec).Gate!.EvaluateAsync(context, CancellationToken.None);
    }

    /// <summary>A target whose webhook always changes the self-report, and the behaviour only when told to.</summary>
    private sealed class Target
    {
        private volatile string _reported = "enforce";
        private volatile string _behaviour = "enforce";

        public bool DowngradeBehaviour { get; init; }

        public bool Restored { get; private set; }

        public HttpResponseMessage Answer(HttpRequestMessage request)
        {
            var path = request.RequestUri!.AbsolutePath;
            switch (path)
            {
                case "/api/deprecations":
                    return StubHandler.Json($"{{\"mode\":\"{_reported}\"}}");
                case "/_ops/stage-validation/auto-downgrade":
                    _reported = "warn";
                    _behaviour = DowngradeBehaviour ? "warn" : _behaviour;
                    return StubHandler.Json("{}");
                case "/_ops/stage-validation/mode":
                    (_reported, _behaviour, Restored) = ("enforce", "enforce", true);
                    return StubHandler.Json("{}");
            }

            var settings = new ModeSettings { GlobalMode = _behaviour == "warn" ? ValidationMode.Warn : ValidationMode.Enforce };
            return ModeStub.Answer(settings, "{}", request);
        }
    }
}
