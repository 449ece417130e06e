using Harness.Engine.Gates.Readiness;
using Harness.Engine.Requests;
using StageContract;
using StageContract.Modes;
using StageContract.Problems;

namespace Harness.Engine.Tests.Gates;

/// <summary>Captured requests classified by the contract, and the target's answers held to it.</summary>
public sealed class CaptureClassifierTests
{
    private static readonly CaptureClassifier Warn = new(ContractRules.Default, new ModeSettings { GlobalMode = ValidationMode.Warn });
    private static readonly CaptureClassifier Shadow = new(ContractRules.Default, new ModeSettings { GlobalMode = ValidationMode.Warn, DryRun = true });
    private static readonly CaptureClassifier Enforce = new(ContractRules.Default, new ModeSettings { GlobalMode = ValidationMode.Enforce });

    [Theory]
    [InlineData("""{"fundId":1,"runs":10,"stageDistribution":[{"stage":"seed","weight":0.5}]}""")] // sum rule: INVALID_STAGE_WEIGHTS
    [InlineData("""{"fundId":1,"runs":10,"stageDistribution":[{"stage":"growth","weight":"x"}]}""")] // structure: VALIDATION_ERROR
    [InlineData("""{"fundId":1,"runs":10,"stageDistribution":""")] // malformed JSON
    public void Classify_PayloadRejectedBeforeTheStageDecision_IsNotValidated(string body)
    {
        var classified = Warn.Classify(MonteCarlo(body), "r1");
        Assert.NotNull(classified.Endpoint);
        Assert.False(classified.Validated);
        Assert.False(classified.Unknown);
    }

    [Fact]
    public void Classify_UnknownStage_IsValidatedAndUnknownButWouldRejectOnlyInShadow()
    {
        var request = MonteCarlo("""{"fundId":1,"runs":10,"stageDistribution":[{"stage":"growth","weight":0.5},{"stage":"seed","weight":0.5}]}""");
        Assert.True(Warn.Classify(request, "r1") is { Validated: true, Unknown: true, WouldReject: false });
        Assert.True(Shadow.Classify(request, "r1") is { Validated: true, Unknown: true, WouldReject: true });
        Assert.True(Enforce.Classify(request, "r1") is { Validated: true, Unknown: true, WouldReject: false, Expected.ProblemCode: ProblemCodes.InvalidStageDistribution });
    }

    [Fact]
    public void Classify_OnlyUnknownStages_IsValidatedAndUnknown()
    {
        var classified = Warn.Classify(MonteCarlo("""{"fundId":1,"runs":10,"stageDistribution":[{"stage":"growth","weight":1}]}"""), "r1");
        Assert.True(classified is { Validated: true, Unknown: true, Expected.Status: 422 });
    }

    [Theory]
    [InlineData("PUT", "/api/portfolio/strategies/abc", """{"fundId":1,"name":"n","stageAllocation":{"growth":0.5,"seed":0.5}}""", true, true)]
    [InlineData("PATCH", "/api/portfolio/strategies/abc", """{"stageAllocation":{"Seed":1}}""", true, false)]
    [InlineData("PATCH", "/api/portfolio/strategies/abc", """{"name":"renamed"}""", false, false)]
    [InlineData("PATCH", "/api/allocations/abc", """{"fundId":1,"items":[{"companyId":1,"stage":"angel","amount":5}]}""", true, true)]
    [InlineData("PUT", "/api/allocations/abc", """{"fundId":1,"items":[]}""", false, false)]
    [InlineData("GET", "/api/allocations/abc", null, false, false)]
    [InlineData("GET", "/api/funds/2/companies?stage=Series%20A", null, true, false)]
    [InlineData("GET", "/api/funds/2/companies?stage=growth", null, true, true)]
    [InlineData("GET", "/api/funds/2/companies", null, false, false)]
    [InlineData("POST", "/api/monte-carlo/simulate?trace=1", """{"fundId":1,"runs":10,"stageDistribution":[{"stage":"seed","weight":1}]}""", true, false)]
    public void Classify_AnyMethodOnTheStageEndpoints(string method, string path, string? body, bool validated, bool unknown)
    {
        var classified = Warn.Classify(new CapturedRequest(method, path, body, null), "r1");
        Assert.NotNull(classified.Endpoint);
        Assert.Equal((validated, unknown), (classified.Validated, classified.Unknown));
    }

    [Theory]
    [InlineData("GET", "/api/deprecations")]
    [InlineData("DELETE", "/api/allocations/abc")]
    [InlineData("GET", "/api/funds/x/companies?stage=seed")]
    public void Classify_OtherRoutes_AreNotStageRequests(string method, string path)
    {
        var classified = Warn.Classify(new CapturedRequest(method, path, null, null), "r1");
        Assert.Null(classified.Endpoint);
        Assert.False(classified.Validated);
    }

    [Theory]
    [InlineData("abc", true)]
    [InlineData("", false)]
    [InlineData("a b", false)]
    [InlineData(null, false)]
    public void IsValidRequestId_IsOneTo128VisibleAscii(string? id, bool valid)
    {
        Assert.Equal(valid, CaptureClassifier.IsValidRequestId(id));
        Assert.False(CaptureClassifier.IsValidRequestId(new string('a', 129)));
    }

    /// <summary>Issue 10: INVALID_STAGE_WEIGHTS was matched as a substring of INVALID_STAGE and counted as an unknown stage.</summary>
    [Fact]
    public void Disagreements_WeightsRejection_IsNotAStageRejection()
    {
        var classified = Warn.Classify(MonteCarlo("""{"fundId":1,"runs":10,"stageDistribution":[{"stage":"seed","weight":0.5}]}"""), "r1");

        Assert.Empty(Check(classified, Answer(400, "warn", ProblemCodes.InvalidStageWeights)));
        Assert.Single(Check(classified, Answer(400, "warn", ProblemCodes.InvalidStage)));
        Assert.False(classified.Unknown);
    }

    [Fact]
    public void Disagreements_EveryBreakOfTheContract_IsNamed()
    {
        var unknown = MonteCarlo("""{"fundId":1,"runs":10,"stageDistribution":[{"stage":"growth","weight":0.5},{"stage":"seed","weight":0.5}]}""");
        var shadow = Shadow.Classify(unknown, "r1");
        var enforce = Enforce.Classify(unknown, "r1");

        Assert.Empty(Check(shadow, Answer(200, "shadow", null, deprecation: true, wouldReject: true)));
        Assert.Contains("X-Stage-Would-Reject: expected true", Assert.Single(Check(shadow, Answer(200, "shadow", null, deprecation: true))), StringComparison.Ordinal);
        Assert.Contains("X-Stage-Mode: expected shadow", Assert.Single(Check(shadow, Answer(200, null, null, deprecation: true, wouldReject: true))), StringComparison.Ordinal);
        Assert.Contains("answered 500", Check(shadow, Answer(500, "shadow", null))[0], StringComparison.Ordinal);
        Assert.Empty(Check(enforce, Answer(400, "enforce", ProblemCodes.InvalidStageDistribution)));
        Assert.Contains("expected 400 INVALID_STAGE_DISTRIBUTION, got 400 INVALID_STAGE", Assert.Single(Check(enforce, Answer(400, "enforce", ProblemCodes.InvalidStage))), StringComparison.Ordinal);
        Assert.Single(Check(enforce, Answer(200, "enforce", null)));
        Assert.Contains("Deprecation: expected absent", Assert.Single(Check(Warn.Classify(MonteCarlo("""{"fundId":1,"runs":10,"stageDistribution":[{"stage":"seed","weight":1}]}"""), "r1"), Answer(200, "warn", null, deprecation: true))), StringComparison.Ordinal);
        Assert.StartsWith("no answer", Assert.Single(Check(shadow, ObservedResponse.Failed("reset"))), StringComparison.Ordinal);
    }

    [Fact]
    public void Disagreements_404ForAResourceTheTargetDoesNotHold_OnlyTheModeIsHeld()
    {
        var classified = Enforce.Classify(new CapturedRequest("PUT", "/api/allocations/gone", """{"fundId":1,"items":[{"companyId":1,"stage":"angel","amount":5}]}""", null), "r1");

        Assert.Empty(Check(classified, Answer(404, "enforce", "NOT_FOUND")));
        Assert.Single(Check(classified, Answer(404, "warn", "NOT_FOUND")));
    }

    private static IReadOnlyList<string> Check(CaptureClass classified, ObservedResponse answer) =>
        CaptureAnswerCheck.Disagreements(classified, answer, ContractRules.Default.Data.Headers);

    private static CapturedRequest MonteCarlo(string body) => new("POST", "/api/monte-carlo/simulate", body, null);

    private static ObservedResponse Answer(int status, string? mode, string? code, bool deprecation = false, bool wouldReject = false)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (mode is not null)
        {
            headers["x-stage-mode"] = mode;
        }

        if (deprecation)
        {
            headers["deprecation"] = "true";
        }

        if (wouldReject)
        {
            headers["x-stage-would-reject"] = "true";
        }

        return new ObservedResponse(status, headers, code, null);
    }
}
