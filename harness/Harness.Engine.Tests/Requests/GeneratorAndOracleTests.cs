using Harness.Engine.Requests;
using StageContract;
using StageContract.Endpoints;
using StageContract.Modes;
using StageContract.Outcomes;

namespace Harness.Engine.Tests.Requests;

public sealed class GeneratorAndOracleTests
{
    private static readonly ContractRules Rules = ContractRules.Default;

    [Fact]
    public void Generator_SameSeed_SameRequests()
    {
        var a = new StageRequestGenerator(Rules, new Random(3), "t");
        var b = new StageRequestGenerator(Rules, new Random(3), "t");
        for (var i = 0; i < 50; i++)
        {
            Assert.Equal(a.Any(Rules.Endpoints.TakingStages).ToString(), b.Any(Rules.Endpoints.TakingStages).ToString());
        }
    }

    [Fact]
    public void Generator_WithUnknown_AlwaysHasAnUnknownAndForDistributionsAKnownStage()
    {
        var generator = new StageRequestGenerator(Rules, new Random(5), "t");
        for (var i = 0; i < 500; i++)
        {
            var request = generator.WithUnknown(Rules.Endpoints.TakingStages);
            var known = request.Stages.Select(s => Rules.Normalizer.Normalize(s).IsKnown).ToList();
            Assert.Contains(false, known);
            if (request.Endpoint.InputType is StageInputType.Array or StageInputType.Object)
            {
                Assert.Contains(true, known);
            }
        }
    }

    [Fact]
    public void Generator_Any_CoversEveryOutcomeOfTheDecisionTable()
    {
        var oracle = new ContractOracle(Rules, new ModeSettings { GlobalMode = ValidationMode.Enforce, EnforcementPercent = 50, DryRun = true });
        var generator = new StageRequestGenerator(Rules, new Random(1), "t");
        var results = Enumerable.Range(0, 400).Select(_ => oracle.Expect(generator.Any(Rules.Endpoints.TakingStages)).Result).ToHashSet();
        Assert.Superset(new HashSet<ValidationResult> { ValidationResult.Ok, ValidationResult.Normalized, ValidationResult.WouldReject, ValidationResult.Reject }, results);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(12)]
    public void Weights_SumToOneWithinTheRescaleTolerance(int count) =>
        Assert.InRange(Math.Abs(1 - StageRequestBuilder.Weights(count).Sum()), 0, Rules.Data.RescaleTolerance);

    [Fact]
    public void Oracle_EnforceWithUnknownArray_Expects400InvalidStageDistribution()
    {
        var oracle = new ContractOracle(Rules, new ModeSettings { GlobalMode = ValidationMode.Enforce });
        var e = oracle.Expect(new StageRequest(Endpoint("POST", "/api/monte-carlo/simulate"), ["growth", "seed"], "abc"));
        Assert.Equal((400, "INVALID_STAGE_DISTRIBUTION", EffectiveMode.Enforce), (e.Status, e.ErrorCode, e.Mode));
    }

    [Fact]
    public void Oracle_WarnWithOnlyUnknownDistribution_Expects422()
    {
        var oracle = new ContractOracle(Rules, new ModeSettings { GlobalMode = ValidationMode.Warn });
        var e = oracle.Expect(new StageRequest(Endpoint("POST", "/api/portfolio/strategies"), ["growth"], "abc"));
        Assert.Equal((422, "NO_KNOWN_STAGES"), (e.Status, e.ErrorCode));
        Assert.False(e.ExpectsDeprecation);
    }

    [Fact]
    public void Oracle_WriteOnlyEnforce_ReadsStayWarn()
    {
        var oracle = new ContractOracle(Rules, new ModeSettings { GlobalMode = ValidationMode.Warn, EnforceWriteOnly = true });
        Assert.Equal(EffectiveMode.Warn, oracle.Expect(new StageRequest(Endpoint("GET", "/api/funds/{fundId}/companies"), ["growth"], "abc")).Mode);
        Assert.Equal(EffectiveMode.Enforce, oracle.Expect(new StageRequest(Endpoint("POST", "/api/allocations"), ["growth"], "abc")).Mode);
    }

    [Fact]
    public void Builder_ObjectInput_WritesStagesAsKeys()
    {
        var body = new StageRequestBuilder(TrafficSettings.Default).Body(new StageRequest(Endpoint("POST", "/api/portfolio/strategies"), ["seed", "Series A"], "r1"));
        Assert.Equal("""{"fundId":1,"name":"harness-r1","stageAllocation":{"seed":0.5,"Series A":0.5}}""", body);
    }

    [Fact]
    public void Builder_QueryInput_EscapesTheStage()
    {
        using var message = new StageRequestBuilder(TrafficSettings.Default).Build(new StageRequest(Endpoint("GET", "/api/funds/{fundId}/companies"), ["series c+"], "r1"), ResourceIds.None)!;
        Assert.Equal("api/funds/1/companies?stage=series%20c%2B", message.RequestUri!.OriginalString);
        Assert.Equal("r1", message.Headers.GetValues("X-Request-Id").Single());
    }

    private static StageEndpoint Endpoint(string method, string route) => Rules.Endpoints.Find(method, route)!;
}
