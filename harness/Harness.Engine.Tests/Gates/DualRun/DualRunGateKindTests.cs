using Harness.Engine.Diff;
using Harness.Engine.Gates;
using Harness.Engine.Gates.DualRun;
using Harness.Engine.Plans;
using Harness.Engine.Rehearsals;
using Microsoft.Extensions.Time.Testing;

namespace Harness.Engine.Tests.Gates.DualRun;

/// <summary>
/// The <c>dual-run</c> kind in a plan: unusable URLs and thresholds are plan errors before any traffic,
/// a gate without a primary is not applicable, and a diff's groups become bounded evidence.
/// </summary>
public sealed class DualRunGateKindTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));

    private static PhasePlan Plan(string gate) => OneGatePlan.Of(gate);

    [Theory]
    [InlineData("{ id: d, kind: dual-run }")]
    [InlineData("{ id: d, kind: dual-run, parameters: { primary: \"http://primary.internal:8080/\" } }")]
    [InlineData("{ id: d, kind: dual-run, threshold: \"< 1%\", parameters: { primary: \"https://primary/\", secondary: \"https://secondary/\" } }")]
    [InlineData("{ id: d, kind: dual-run, threshold: \"== 0%\", parameters: { primary: \"https://primary/\" } }")]
    public void Prepare_UsableDualRunGate_Builds(string gate)
    {
        var built = new RehearsalRunner(BuiltInGates.Registry, Clock).Prepare(Plan(gate).Phases[0]);
        Assert.Contains(built, g => g.Spec.Kind == GateKinds.DualRun && g.Gate is DualRunGate);
    }

    [Theory]
    [InlineData("{ id: d, kind: dual-run, parameters: { primary: \"primary.internal\" } }", "gate 'd' (dual-run): dual-run: parameters.primary 'primary.internal' must be an absolute http(s) URL")]
    [InlineData("{ id: d, kind: dual-run, parameters: { primary: \"ftp://primary/\" } }", "parameters.primary 'ftp://primary/' must be an absolute http(s) URL")]
    [InlineData("{ id: d, kind: dual-run, parameters: { primary: \"http://p/\", secondary: \"nope\" } }", "parameters.secondary 'nope' must be an absolute http(s) URL")]
    [InlineData("{ id: d, kind: dual-run, parameters: { secondary: \"http://s/\" } }", "parameters.secondary is a second instance of the primary: set parameters.primary too")]
    [InlineData("{ id: d, kind: dual-run, parameters: { primary: \"http://p/\", candidate: \"http://c/\" } }", "unknown parameter 'candidate' (allowed: primary, secondary)")]
    [InlineData("{ id: d, kind: dual-run, threshold: \">= 1%\", parameters: { primary: \"http://p/\" } }", "dual-run: diff threshold '>= 1%' must be an upper limit")]
    [InlineData("{ id: d, kind: dual-run, threshold: \"== 1%\", parameters: { primary: \"http://p/\" } }", "'==' only as '== 0%'")]
    [InlineData("{ id: d, kind: dual-run, threshold: \"< 5\", parameters: { primary: \"http://p/\" } }", "dual-run measures a share: write its threshold with %")]
    public void Prepare_UnusableDualRunGate_IsAPlanErrorNamingIt(string gate, string expected)
    {
        var e = Assert.Throws<PlanException>(() => new RehearsalRunner(BuiltInGates.Registry, Clock).Prepare(Plan(gate).Phases[0]));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NeedsCheck_DualRunWithoutPrimary_IsNotApplicableSayingHowToGiveOne()
    {
        var plan = Plan("{ id: d, kind: dual-run }");
        using var http = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:9/") };
        var request = new RehearsalRequest { Plan = plan, Phase = plan.Phases[0], Http = http, TargetKind = Harness.Engine.Targets.TargetKind.Url };
        var spec = plan.Phases[0].Gates[0];
        var result = NeedsCheck.Unmet(BuiltInGates.Registry.Describe(GateKinds.DualRun), spec, request);
        Assert.NotNull(result);
        Assert.Equal(GateStatus.NotApplicable, result.Status);
        Assert.Contains("set the gate's parameters.primary", result.Reason, StringComparison.Ordinal);

        var withPrimary = Plan("{ id: d, kind: dual-run, parameters: { primary: \"http://p/\" } }");
        Assert.Null(NeedsCheck.Unmet(BuiltInGates.Registry.Describe(GateKinds.DualRun), withPrimary.Phases[0].Gates[0], request with { Plan = withPrimary, Phase = withPrimary.Phases[0] }));
    }

    [Fact]
    public void Result_ManyGroups_KeepsCountedFirstThenAFewSetApart_AndCountsTheRest()
    {
        static DiffGroup Group(int i, DiffClass @class) => new("POST /api/monte-carlo/simulate", $"$.field{i}", DifferenceKind.Changed, @class,
            @class == DiffClass.Expected ? DiffExpectation.UnknownStage : null, 3, 2, [new DiffExample("generated 1", "rid-1", $"$.field{i}", "1", new string('x', 500))]);
        var groups = Enumerable.Range(0, 25).Select(i => Group(i, DiffClass.Counted))
            .Concat(Enumerable.Range(100, 7).Select(i => Group(i, DiffClass.Expected)))
            .Concat(Enumerable.Range(200, 6).Select(i => Group(i, DiffClass.Noise)))
            .ToList();
        var report = new DiffReport
        {
            Targets = new DiffTargets(new Uri("http://primary/"), new Uri("http://candidate/"), null),
            Seed = 1,
            PlanSource = "plan",
            Writes = DiffWrites.ReadsOnly,
            Ignore = [],
            Expect = ["unknown-stage"],
            Threshold = "== 0%",
            Confidence = 0.99,
            Traffic = new DiffTraffic(10, 40, 0, 5, 0),
            Groups = groups,
            Judgement = new DiffJudgement(GateStatus.Fail, 50, 20, 0.2, 0.6, "20 of 50 requests (40.00%) differ beyond noise and expectations"),
            StartedAt = Clock.GetUtcNow(),
            FinishedAt = Clock.GetUtcNow(),
        };

        var result = DualRunEvidence.Result(report, "measured");

        Assert.Equal(GateStatus.Fail, result.Status);
        Assert.Equal((0.4, 50, "== 0%"), (result.Value!.Value, result.SampleSize, result.Threshold));
        Assert.Equal(DualRunEvidence.MaxCounted + (2 * DualRunEvidence.MaxSetApart), result.Evidence.Count);
        Assert.Equal(groups.Count - result.Evidence.Count, result.EvidenceOmitted);
        Assert.All(result.Evidence.Take(DualRunEvidence.MaxCounted), e => Assert.Equal("as the primary's", e.Expected));
        Assert.Equal("POST /api/monte-carlo/simulate $.field0", result.Evidence[0].Subject);
        Assert.Equal("changed in 3 place(s) of 2 request(s)", result.Evidence[0].Actual);
        Assert.Contains("may differ: expected (unknown-stage)", result.Evidence[DualRunEvidence.MaxCounted].Expected, StringComparison.Ordinal);
        Assert.StartsWith("may differ: noise", result.Evidence[^1].Expected, StringComparison.Ordinal);
        Assert.All(result.Evidence, e => Assert.True(e.Detail!.Length < 300, "an example's values are cut short"));
        Assert.Contains("25 group(s) of differences, 7 expected, 6 noise", result.Reason, StringComparison.Ordinal);
        Assert.Contains("secondary none (no noise learned)", result.Reason, StringComparison.Ordinal);
    }
}
