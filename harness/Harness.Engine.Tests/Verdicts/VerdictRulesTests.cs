using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Harness.Engine.Gates;
using Harness.Engine.Verdicts;

namespace Harness.Engine.Tests.Verdicts;

public sealed class VerdictRulesTests
{
    [Fact]
    public void Verdict_AllBlockingGatesPass_IsGo() =>
        Assert.Equal(Verdict.Go, VerdictRules.Decide([(true, GateStatus.Pass), (true, GateStatus.Pass)]));

    [Fact]
    public void Verdict_AnyBlockingGateNotEvaluated_IsNoGo() =>
        Assert.Equal(Verdict.NoGo, VerdictRules.Decide([(true, GateStatus.Pass), (true, GateStatus.NotEvaluated)]));

    [Fact]
    public void Verdict_AnyBlockingGateFails_IsNoGo() =>
        Assert.Equal(Verdict.NoGo, VerdictRules.Decide([(true, GateStatus.Fail), (true, GateStatus.Pass)]));

    [Fact]
    public void Verdict_BlockingInconclusiveAndNoneFail_IsHold() =>
        Assert.Equal(Verdict.Hold, VerdictRules.Decide([(true, GateStatus.Pass), (true, GateStatus.Inconclusive)]));

    [Fact]
    public void Verdict_InconclusiveAndNotEvaluated_IsNoGo() =>
        Assert.Equal(Verdict.NoGo, VerdictRules.Decide([(true, GateStatus.Inconclusive), (true, GateStatus.NotEvaluated)]));

    [Fact]
    public void Verdict_InconclusiveAndFail_IsNoGo() =>
        Assert.Equal(Verdict.NoGo, VerdictRules.Decide([(true, GateStatus.Inconclusive), (true, GateStatus.Fail)]));

    [Fact]
    public void Verdict_AdvisoryGatesNotPassing_DoNotChangeGo() =>
        Assert.Equal(Verdict.Go, VerdictRules.Decide(
            [(true, GateStatus.Pass), (false, GateStatus.NotEvaluated), (false, GateStatus.Fail), (false, GateStatus.Inconclusive)]));

    [Fact]
    public void Verdict_NoBlockingGate_IsNoGo() =>
        Assert.Equal(Verdict.NoGo, VerdictRules.Decide([(false, GateStatus.Pass)]));

    [Fact]
    public void Verdict_NotApplicableGate_NeitherPassesNorBlocks() =>
        Assert.Equal(Verdict.Go, VerdictRules.Decide([(true, GateStatus.Pass), (true, GateStatus.NotApplicable)]));

    [Fact]
    public void Verdict_NotApplicableBesideAFailure_IsNoGo() =>
        Assert.Equal(Verdict.NoGo, VerdictRules.Decide([(true, GateStatus.Fail), (true, GateStatus.NotApplicable)]));

    [Fact]
    public void Verdict_EveryBlockingGateNotApplicable_IsNoGo() =>
        Assert.Equal(Verdict.NoGo, VerdictRules.Decide([(true, GateStatus.NotApplicable), (false, GateStatus.Pass)]));

    [Fact]
    public void Verdict_NoGates_IsNoGo() =>
        Assert.Equal(Verdict.NoGo, VerdictRules.Decide([]));

    [Theory]
    [InlineData(Verdict.Go, 0, "GO")]
    [InlineData(Verdict.NoGo, 1, "NO-GO")]
    [InlineData(Verdict.Hold, 2, "HOLD")]
    public void ExitCode_EachVerdict_HasItsOwnCode(Verdict verdict, int code, string display)
    {
        Assert.Equal(code, verdict.ExitCode());
        Assert.Equal(display, verdict.ToDisplay());
    }

    [Property(Arbitrary = [typeof(Arbitraries)])]
    public bool Verdict_IsGo_IffEveryApplicableBlockingGatePasses((bool Blocking, GateStatus Status)[] gates) =>
        (VerdictRules.Decide(gates) == Verdict.Go) == (gates.Any(Deciding) && gates.Where(Deciding).All(g => g.Status == GateStatus.Pass));

    [Property(Arbitrary = [typeof(Arbitraries)])]
    public bool Verdict_IsNoGo_IffABlockingGateFailsOrIsNotEvaluated_OrNoneDecides((bool Blocking, GateStatus Status)[] gates) =>
        (VerdictRules.Decide(gates) == Verdict.NoGo)
        == (!gates.Any(Deciding) || gates.Any(g => g.Blocking && g.Status is GateStatus.Fail or GateStatus.NotEvaluated));

    private static bool Deciding((bool Blocking, GateStatus Status) gate) => gate.Blocking && gate.Status != GateStatus.NotApplicable;

    [Property(Arbitrary = [typeof(Arbitraries)])]
    public bool Verdict_IgnoresAdvisoryGates((bool Blocking, GateStatus Status)[] gates, GateStatus[] advisory) =>
        VerdictRules.Decide(gates) == VerdictRules.Decide([.. gates, .. advisory.Select(s => (false, s))]);

    public static class Arbitraries
    {
        public static Arbitrary<GateStatus> Status() =>
            Gen.Elements(GateStatus.Pass, GateStatus.Fail, GateStatus.Inconclusive, GateStatus.NotEvaluated, GateStatus.NotApplicable).ToArbitrary();
    }
}
