using Harness.Engine.Gates;
using Harness.Engine.Plans;
using Harness.Engine.Rehearsals;
using Harness.Engine.Verdicts;
using Microsoft.Extensions.Time.Testing;

namespace Harness.Engine.Tests.Rehearsals;

public sealed class RehearsalRunnerTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));

    private static GateKindRegistry Registry => BuiltInGates.Registry
        .With("always", spec => GateCreation.Of(new FixedGate(Enum.Parse<GateStatus>(spec.Parameters.Json.GetProperty("status").GetString()!))))
        .With("throws", _ => GateCreation.Of(new ThrowingGate()))
        .With("picky", _ => GateCreation.Invalid("parameter 'x' is required"));

    private static readonly string WarnReport = StubHandler.WarnTarget.Replace("https://api.example.com/docs/stage-normalization", ModeStub.Docs, StringComparison.Ordinal);

    private static PhasePlan Plan(string gates) => PlanLoader.Parse($"""
        version: 1
        phases:
          - name: p
            configuration: {"{"} mode: warn {"}"}
            gates:
        {gates}
        """, "test.yaml", null);

    private static Task<Harness.Engine.Reports.RehearsalReport> RunAsync(PhasePlan plan, HttpClient? http = null) =>
        new RehearsalRunner(Registry, Clock).RunAsync(
            new RehearsalRequest { Plan = plan, Phase = plan.Phases[0], Http = http ?? ModeStub.Client(new StageContract.Modes.ModeSettings { GlobalMode = StageContract.Modes.ValidationMode.Warn }, WarnReport), TargetKind = Harness.Engine.Targets.TargetKind.Url, Seed = 7 },
            SilentObserver.Instance, CancellationToken.None);

    [Fact]
    public async Task Run_AllPass_IsGoAndRecordsSeedPlanAndTarget()
    {
        var report = await RunAsync(Plan("      - { id: c, kind: configuration-conformance }\n      - { id: a, kind: always, parameters: { status: Pass } }"));
        Assert.Equal(Verdict.Go, report.Verdict);
        Assert.Equal(7, report.Seed);
        Assert.Equal("test.yaml", report.Plan.Source);
        Assert.Equal("warn", report.Target.ObservedConfiguration!.Mode);
        Assert.Equal(Clock.GetUtcNow(), report.StartedAt);
        Assert.Equal(["c", "a"], report.Gates.Select(g => g.Id));
    }

    [Fact]
    public async Task Run_BlockingGateNotEvaluated_IsNoGo()
    {
        var report = await RunAsync(Plan("      - { id: c, kind: configuration-conformance }\n      - { id: a, kind: always, parameters: { status: NotEvaluated } }"));
        Assert.Equal(Verdict.NoGo, report.Verdict);
        Assert.Contains("'a' was not evaluated", report.VerdictReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_BlockingGateInconclusive_IsHold()
    {
        var report = await RunAsync(Plan("      - { id: c, kind: configuration-conformance }\n      - { id: a, kind: always, parameters: { status: Inconclusive } }"));
        Assert.Equal(Verdict.Hold, report.Verdict);
    }

    [Fact]
    public void Prepare_UnknownKind_IsAPlanErrorNamingTheKnownKinds()
    {
        // Regression: an unknown kind used to become a NotEvaluated gate, so a typo in an advisory gate went unnoticed.
        var plan = Plan("      - { id: c, kind: configuration-conformance }\n      - { id: l, kind: future-kind, blocking: false }");
        var e = Assert.Throws<PlanException>(() => new RehearsalRunner(Registry, Clock).Prepare(plan.Phases[0]));
        Assert.Contains("gate 'l' (future-kind): unknown gate kind 'future-kind' (this harness knows: alert-chain-drill, always, auto-downgrade-drill,", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("error-rate", "< 1", "measures a share: write its threshold with %")]
    [InlineData("header-coverage", ">= 0.99", "measures a share")]
    [InlineData("validator-latency", "<= 5", "measures a time: write its threshold with ms, us or s")]
    [InlineData("bounded-labels", "== 0%", "measures a count: write its threshold without a unit")]
    public void Prepare_ThresholdInTheWrongUnit_IsAPlanError(string kind, string threshold, string expected)
    {
        // Regression: "< 1" on a ratio was read as 100 %.
        var plan = Plan($"      - {{ id: g, kind: {kind}, threshold: \"{threshold}\" }}");
        var e = Assert.Throws<PlanException>(() => new RehearsalRunner(Registry, Clock).Prepare(plan.Phases[0]));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_GateThrows_IsNotEvaluatedAndOtherGatesStillRun()
    {
        var report = await RunAsync(Plan("      - { id: t, kind: throws }\n      - { id: a, kind: always, parameters: { status: Pass } }"));
        var thrown = report.Gates.Single(g => g.Id == "t");
        Assert.Equal(GateStatus.NotEvaluated, thrown.Status);
        Assert.Contains("InvalidOperationException: boom", thrown.Reason, StringComparison.Ordinal);
        Assert.Equal(GateStatus.Pass, report.Gates.Single(g => g.Id == "a").Status);
        Assert.Equal(Verdict.NoGo, report.Verdict);
    }

    [Fact]
    public async Task Run_PhaseWithoutConfigurationGate_GetsAnImplicitBlockingOne()
    {
        var report = await RunAsync(Plan("      - { id: a, kind: always, parameters: { status: Pass } }"));
        var first = report.Gates[0];
        Assert.Equal(RehearsalRunner.ImplicitConfigurationGateId, first.Id);
        Assert.True(first.Implicit);
        Assert.True(first.Blocking);
        Assert.Equal(GateStatus.Pass, first.Status);
    }

    [Fact]
    public async Task Run_TargetInAnotherMode_FailsTheConfigurationGateNamingTheDifference()
    {
        var enforce = WarnReport.Replace("\"mode\":\"warn\"", "\"mode\":\"enforce\"", StringComparison.Ordinal);
        var http = ModeStub.Client(new StageContract.Modes.ModeSettings { GlobalMode = StageContract.Modes.ValidationMode.Enforce }, enforce);
        var report = await RunAsync(Plan("      - { id: a, kind: always, parameters: { status: Pass } }"), http);
        Assert.Equal(Verdict.NoGo, report.Verdict);
        Assert.Contains("probes answered otherwise than the phase gives", report.Gates[0].Reason, StringComparison.Ordinal);
        Assert.Contains("mode (self-report): phase expects warn, target has enforce", report.Gates[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_UnreachableTarget_ConfigurationGateIsNotEvaluated()
    {
        var report = await RunAsync(Plan("      - { id: c, kind: configuration-conformance }"), StubHandler.Unreachable());
        Assert.Equal(GateStatus.NotEvaluated, report.Gates[0].Status);
        Assert.Contains("target unreachable", report.Gates[0].Reason, StringComparison.Ordinal);
        Assert.Null(report.Target.ObservedConfiguration);
        Assert.Equal(Verdict.NoGo, report.Verdict);
    }

    [Fact]
    public void Prepare_UnusableParameters_ThrowsPlanExceptionBeforeAnyTraffic()
    {
        var plan = Plan("      - { id: x, kind: picky }\n      - { id: d, kind: decision-table, parameters: { select: everything } }");
        var e = Assert.Throws<PlanException>(() => new RehearsalRunner(Registry, Clock).Prepare(plan.Phases[0]));
        Assert.Contains("gate 'x' (picky): parameter 'x' is required", e.Message, StringComparison.Ordinal);
        Assert.Contains("gate 'd' (decision-table): parameter 'select' must be one of all, writes, reads", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Prepare_DefaultPlan_BuildsEveryGateOfEveryPhase()
    {
        var runner = new RehearsalRunner(Registry, Clock);
        foreach (var phase in PlanLoader.LoadDefault().Phases)
        {
            Assert.NotEmpty(runner.Prepare(phase));
        }
    }

    private sealed class FixedGate(GateStatus status) : IGate
    {
        public Task<GateResult> EvaluateAsync(GateContext context, CancellationToken cancellationToken) =>
            Task.FromResult(new GateResult { Status = status, Measured = "fixed", Reason = $"fixed {status}" });
    }

    private sealed class ThrowingGate : IGate
    {
        public Task<GateResult> EvaluateAsync(GateContext context, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("boom");
    }
}
