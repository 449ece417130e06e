using System.Text.Json;
using Harness.Engine.Findings;
using Harness.Engine.Gates;
using Harness.Engine.Ledger;
using Harness.Engine.Reports;
using Harness.Engine.Verdicts;

namespace Harness.Engine.Tests.Findings;

/// <summary>
/// Issue 13, known findings: fingerprints stay the same from run to run while the deviation does,
/// a failing gate stops deciding only when every finding is accepted and its value is no worse,
/// new findings decide, accepted ones that no longer occur are reported fixed, and nothing but a
/// Fail is ever accepted.
/// </summary>
public sealed class FindingsReviewTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private static readonly Evidence MissingSunset = new("POST /api/allocations rid=rh-1-7", "Sunset: Wed, 30 Jun 2027 00:00:00 GMT", "no Sunset header", "took 12.5 ms");
    private static readonly Evidence WrongStatus = new("PUT /api/companies/4711 rid=rh-3-9", "422", "200", null);

    [Fact]
    public void Fingerprint_IgnoresRequestIdsIdsTimesAndMeasuredNumbers_ButNotStatusesOrEndpoints()
    {
        var gate = Failing("golden", [MissingSunset]);
        var print = FindingFingerprint.ForEvidence(gate, MissingSunset);
        Assert.Matches("^[0-9a-f]{16}$", print);
        Assert.Equal(print, FindingFingerprint.ForEvidence(gate, MissingSunset with { Subject = "POST /api/allocations rid=rh-9-1234", Detail = "other" }));
        Assert.Equal(FindingFingerprint.ForEvidence(gate, WrongStatus), FindingFingerprint.ForEvidence(gate, WrongStatus with { Subject = "PUT /api/companies/9 rid=x" }));
        Assert.Equal(
            FindingFingerprint.ForEvidence(gate, new Evidence("at 2026-11-30T12:00:01.123Z id 5f0c2a8e-1d2b-4c3d-9e8f-0a1b2c3d4e5f", "ratio 0.25", "ratio 0.31")),
            FindingFingerprint.ForEvidence(gate, new Evidence("at 2026-12-01T08:10:00Z id 00000000-1d2b-4c3d-9e8f-0a1b2c3d4e5f", "ratio 0.25", "ratio 0.40")));
        Assert.NotEqual(FindingFingerprint.ForEvidence(gate, WrongStatus), FindingFingerprint.ForEvidence(gate, WrongStatus with { Actual = "400" }));
        Assert.NotEqual(FindingFingerprint.ForEvidence(gate, WrongStatus), FindingFingerprint.ForEvidence(gate, WrongStatus with { Subject = "PUT /api/funds/4711 rid=rh-3-9" }));
        Assert.NotEqual(print, FindingFingerprint.ForEvidence(Failing("other-gate", [MissingSunset]), MissingSunset));
    }

    [Fact]
    public void Apply_EveryFindingAccepted_GateStaysFailButDoesNotDecide_VerdictGo()
    {
        var gate = Failing("golden", [MissingSunset, MissingSunset with { Subject = "POST /api/allocations rid=rh-2-1" }, WrongStatus]);
        var known = Accepting(gate);

        var (gates, findings) = FindingsReview.Apply([Passing("configuration"), gate], known, "/repo/known.json");

        var reviewed = gates[1];
        Assert.Equal(GateStatus.Fail, reviewed.Status);
        Assert.True(reviewed.Accepted);
        Assert.False(reviewed.Decides());
        Assert.Contains("accepted: every finding (2) is in known.json", reviewed.Reason, StringComparison.Ordinal);
        Assert.Equal(Verdict.Go, VerdictRules.Decide(gates.Select(g => (g.Decides(), g.Status))));
        Assert.Contains("failing only on accepted known findings, so not deciding: 'golden'", VerdictReasons.Explain(Verdict.Go, gates), StringComparison.Ordinal);
        Assert.Equal([2, 1], findings.Accepted.Select(f => f.Occurrences));
        Assert.All(findings.Accepted, f => Assert.Equal("reviewed in TICKET-1", f.Reason));
        Assert.Empty(findings.New);
        Assert.Empty(findings.Fixed);
    }

    [Fact]
    public void Apply_ANewFindingBesideAcceptedOnes_DecidesAndIsListedApart()
    {
        var known = Accepting(Failing("golden", [MissingSunset]));
        var gate = Failing("golden", [MissingSunset, WrongStatus]);

        var (gates, findings) = FindingsReview.Apply([gate], known, "known.json");

        Assert.False(gates[0].Accepted);
        Assert.Contains("not accepted: 1 new finding(s) beside 1 accepted", gates[0].Reason, StringComparison.Ordinal);
        Assert.Equal(Verdict.NoGo, VerdictRules.Decide(gates.Select(g => (g.Decides(), g.Status))));
        Assert.Equal("PUT /api/companies/4711 rid=rh-3-9: expected 422; got 200", Assert.Single(findings.New).Summary);
        Assert.Null(findings.New[0].Reason);
        Assert.Single(findings.Accepted);
    }

    [Fact]
    public void Apply_EvidenceLeftOutOfTheReport_IsNeverAccepted()
    {
        var gate = Failing("golden", [MissingSunset]) with { EvidenceOmitted = 3 };
        var (gates, findings) = FindingsReview.Apply([gate], Accepting(gate), "known.json");
        Assert.False(gates[0].Accepted);
        Assert.Contains("3 evidence item(s) beyond the report's 50 were not fingerprinted", gates[0].Reason, StringComparison.Ordinal);
        Assert.Empty(findings.Fixed);
    }

    [Theory]
    [InlineData(">= 99%", 0.95, 0.95, true)]
    [InlineData(">= 99%", 0.95, 0.96, true)]
    [InlineData(">= 99%", 0.95, 0.90, false)]
    [InlineData("<= 5ms", 0.008, 0.007, true)]
    [InlineData("<= 5ms", 0.008, 0.009, false)]
    [InlineData("== 100%", 0.97, 0.98, true)]
    [InlineData("== 100%", 0.97, 0.96, false)]
    public void Apply_ValueWorseThanWhenAccepted_KeepsTheGateDeciding(string threshold, double acceptedValue, double currentValue, bool accepted)
    {
        var then = Failing("golden", [MissingSunset]) with { Threshold = threshold, Value = acceptedValue };
        var now = then with { Value = currentValue };
        var (gates, _) = FindingsReview.Apply([now], Accepting(then), "known.json");
        Assert.Equal(accepted, gates[0].Accepted);
        if (!accepted)
        {
            Assert.Contains("the measure got worse than when the findings were accepted", gates[0].Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Apply_AFailureWithoutEvidence_IsOneGateFinding_HeldToItsValue()
    {
        var then = Failing("unknown-rate", []) with { Threshold = "< 0.5%", Value = 0.02, Measured = "share of validated requests with an unknown stage" };
        var known = Accepting(then);
        Assert.Single(known);
        Assert.True(FindingsReview.Apply([then with { Value = 0.018 }], known, "known.json").Gates[0].Accepted);
        Assert.False(FindingsReview.Apply([then with { Value = 0.03 }], known, "known.json").Gates[0].Accepted);
        Assert.False(FindingsReview.Apply([then with { Value = 0.018 }], known.Select(k => k with { Value = null }).ToList(), "known.json").Gates[0].Accepted);
    }

    [Theory]
    [InlineData(GateStatus.NotEvaluated)]
    [InlineData(GateStatus.Inconclusive)]
    public void Apply_OnlyAFailIsEverAccepted(GateStatus status)
    {
        var gate = Failing("golden", [MissingSunset]);
        var (gates, findings) = FindingsReview.Apply([gate with { Status = status }], Accepting(gate), "known.json");
        Assert.False(gates[0].Accepted);
        Assert.True(gates[0].Decides());
        Assert.Empty(findings.Accepted);
        Assert.Empty(findings.Fixed);
    }

    [Fact]
    public void Apply_ThePromotionLedgersRungCheck_IsNeverAccepted()
    {
        var rung = Failing(RungCheck.GateId, [new Evidence("enforce-25", "a GO", "none")]) with { Kind = RungCheck.GateId };
        var known = new List<KnownFinding> { new(RungCheck.GateId, FindingFingerprint.Of(rung)[0].Fingerprint, "missing rung", null, "want to skip", Now) };
        Assert.False(FindingsReview.Apply([rung], known, "known.json").Gates[0].Accepted);
        Assert.Empty(FindingsReview.Accept(Report(rung), [], "want to skip", Now).Added);
    }

    [Fact]
    public void Apply_AcceptedFindingsThatNoLongerOccur_AreReportedFixed_OnlyForGatesThatRan()
    {
        var before = Failing("golden", [MissingSunset, WrongStatus]);
        var known = Accepting(before).Concat(Accepting(Failing("not-in-this-phase", [WrongStatus]))).ToList();

        var (_, stillFailing) = FindingsReview.Apply([Failing("golden", [WrongStatus])], known, "known.json");
        Assert.Equal("POST /api/allocations rid=rh-1-7: expected Sunset: Wed, 30 Jun 2027 00:00:00 GMT; got no Sunset header", Assert.Single(stillFailing.Fixed).Summary);

        var (_, passing) = FindingsReview.Apply([Passing("golden")], known, "known.json");
        Assert.Equal(2, passing.Fixed.Count);
        Assert.All(passing.Fixed, f => Assert.Equal("golden", f.Gate));
    }

    [Fact]
    public void Accept_RecordsTheGatesValueAndReason_AndAcceptingAgainReplaces()
    {
        var gate = Failing("golden", [MissingSunset, WrongStatus]) with { Value = 0.95, Threshold = ">= 99%" };
        var (first, added) = FindingsReview.Accept(Report(gate, Passing("configuration")), [], "TICKET-1", Now);
        Assert.Equal(2, added.Count);
        Assert.All(first, k => Assert.Equal((0.95, "TICKET-1"), (k.Value!.Value, k.Reason)));

        var (second, _) = FindingsReview.Accept(Report(gate with { Value = 0.9 }), first, "TICKET-2", Now.AddDays(1));
        Assert.Equal(2, second.Count);
        Assert.All(second, k => Assert.Equal((0.9, "TICKET-2"), (k.Value!.Value, k.Reason)));
    }

    [Fact]
    public void File_RoundTrips_AndRefusesWhatIsNotAKnownFindingsFile()
    {
        var known = Accepting(Failing("golden", [MissingSunset, WrongStatus]));
        Assert.Equal(known, KnownFindingsFile.Parse(KnownFindingsFile.Write(known), "known.json"));

        Assert.StartsWith("known.json: not a known-findings file", Assert.Throws<FormatException>(() => KnownFindingsFile.Parse("""{"schemaVersion":1,"entries":[]}""", "known.json")).Message, StringComparison.Ordinal);
        Assert.StartsWith("known.json: not a known-findings file", Assert.Throws<FormatException>(() => KnownFindingsFile.Parse("[1,", "known.json")).Message, StringComparison.Ordinal);
        var noReason = KnownFindingsFile.Write(known).Replace("reviewed in TICKET-1", " ", StringComparison.Ordinal);
        Assert.Contains("has no \"reason\"", Assert.Throws<FormatException>(() => KnownFindingsFile.Parse(noReason, "known.json")).Message, StringComparison.Ordinal);
        var badPrint = KnownFindingsFile.Write(known).Replace(known[0].Fingerprint, "xyz", StringComparison.Ordinal);
        Assert.Contains("16-digit hex \"fingerprint\"", Assert.Throws<FormatException>(() => KnownFindingsFile.Parse(badPrint, "known.json")).Message, StringComparison.Ordinal);
    }

    private static List<KnownFinding> Accepting(GateReport gate) =>
        [.. FindingsReview.Accept(Report(gate), [], "reviewed in TICKET-1", Now).Known];

    private static GateReport Failing(string id, IReadOnlyList<Evidence> evidence) => new()
    {
        Id = id, Kind = "golden-conformance", Blocking = true, Status = GateStatus.Fail, Measured = "share of golden payloads answered as the contract says",
        Value = 0.9, ValueText = "90%", Threshold = "== 100%", Reason = "mismatches", Evidence = evidence, Parameters = JsonDocument.Parse("{}").RootElement,
    };

    private static GateReport Passing(string id) => Failing(id, []) with { Status = GateStatus.Pass, Value = 1, Reason = "all conform" };

    private static RehearsalReport Report(params GateReport[] gates) => new()
    {
        Phase = "warn", Verdict = Verdict.NoGo, VerdictReason = "", StartedAt = Now, FinishedAt = Now, Seed = 1,
        Versions = new ReportVersions("0", 1, "", ""), Target = new ReportTarget("embedded", "", null), Plan = new ReportPlan("built-in", "", 1),
        Configuration = new Harness.Engine.Plans.PhaseConfiguration(), Gates = gates,
    };
}
