using System.Text.Json;
using Harness.Engine.Gates;
using Harness.Engine.Gates.Drills;
using Harness.Engine.Plans;
using Harness.Engine.Rehearsals;
using Harness.Engine.Targets;
using Microsoft.Extensions.Time.Testing;
using StageContract;

namespace Harness.Engine.Tests.Gates.Drills;

/// <summary>
/// The postgres-outage-drill without a target: the verdict from what it saw, recovery timing, the
/// ledger's comparison by meaning, clean-failure classing, plan errors and the needs check.
/// </summary>
public sealed class PostgresOutageDrillTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 12, 1, 7, 0, 0, TimeSpan.Zero));
    private static readonly Threshold Recovery30 = Threshold.Parse("< 30s");

    private static readonly OutageObservation Clean = new()
    {
        Sent = 300, LateSends = 0, WritesDuringOutage = 40, SentDuringOutage = 80, WritesAcknowledged = 110, Lost = 0, Unreadable = 0, Clean503 = 70,
        ReadyPollsDuringOutage = 12, UnreadyDuringOutage = 12, RecoverySeconds = 1.5,
    };

    [Fact]
    public void Judge_CleanObservation_PassesNamingTheLedger()
    {
        var (status, reason) = PostgresOutageJudgement.Judge(Clean, Recovery30, 0.2);
        Assert.Equal(GateStatus.Pass, status);
        Assert.StartsWith("110 acknowledged writes, 0 lost; 70 clean 503s", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_AnyAcknowledgedWriteLost_Fails()
    {
        var (status, reason) = PostgresOutageJudgement.Judge(Clean with { Lost = 1 }, Recovery30, 0.2);
        Assert.Equal(GateStatus.Fail, status);
        Assert.Contains("1 of 110 acknowledged writes lost", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("500")]
    [InlineData("hang (no answer within 10s)")]
    [InlineData("503 as text/plain, not application/problem+json")]
    public void Judge_AnyUncleanFailure_Fails(string unclean)
    {
        var (status, reason) = PostgresOutageJudgement.Judge(Clean with { Unclean = new Dictionary<string, int> { [unclean] = 3 } }, Recovery30, 0.2);
        Assert.Equal(GateStatus.Fail, status);
        Assert.Contains($"unclean failures: 3 x {unclean}", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_ReadyThroughoutTheOutage_Fails()
    {
        var (status, reason) = PostgresOutageJudgement.Judge(Clean with { UnreadyDuringOutage = 0 }, Recovery30, 0.2);
        Assert.Equal(GateStatus.Fail, status);
        Assert.Contains("/readyz said ready in all 12 polls", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_RecoveryTooSlowOrNever_Fails()
    {
        Assert.Equal(GateStatus.Fail, PostgresOutageJudgement.Judge(Clean with { RecoverySeconds = 31 }, Recovery30, 0.2).Status);
        var (status, reason) = PostgresOutageJudgement.Judge(Clean with { RecoverySeconds = null, NotRecovered = "/readyz never said ready after the repair" }, Recovery30, 0.2);
        Assert.Equal(GateStatus.Fail, status);
        Assert.Contains("not recovered: /readyz never said ready", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_CannotJudge_IsInconclusiveNeverPass()
    {
        Assert.Equal(GateStatus.Inconclusive, PostgresOutageJudgement.Judge(Clean with { WritesDuringOutage = 0 }, Recovery30, 0.2).Status);
        Assert.Equal(GateStatus.Inconclusive, PostgresOutageJudgement.Judge(Clean with { LateSends = 100 }, Recovery30, 0.2).Status);
        Assert.Equal(GateStatus.Inconclusive, PostgresOutageJudgement.Judge(Clean with { ReadyPollsDuringOutage = 0, UnreadyDuringOutage = 0 }, Recovery30, 0.2).Status);
        Assert.Equal(GateStatus.Inconclusive, PostgresOutageJudgement.Judge(Clean with { Unreadable = 2 }, Recovery30, 0.2).Status);
        Assert.Equal(GateStatus.Fail, PostgresOutageJudgement.Judge(Clean with { WritesDuringOutage = 0, Lost = 1 }, Recovery30, 0.2).Status);
    }

    [Fact]
    public void Recovery_CountsNWritesInARowAfterTheRepair_AndReadiness()
    {
        OutageRequest Write(long i, double sent, int? status) => new(i, "w", "w", sent, sent) { IsWrite = true, AnsweredAt = status is null ? null : sent + 0.1, Status = status };
        var answers = new[]
        {
            Write(0, 9.0, 201), Write(1, 10.1, 503), Write(2, 10.2, 201), Write(3, 10.3, 503), Write(4, 10.4, 201), Write(5, 10.5, 201), Write(6, 10.6, 201),
            new OutageRequest(7, "r", "r", 10.65, 10.65) { AnsweredAt = 10.7, Status = 503 },
        };
        var polls = new[] { (10.0, 10.1, false), (10.5, 10.55, true) };
        var (seconds, _) = PostgresOutageJudgement.Recovery(answers, polls, 10.0, 3);
        Assert.Equal(0.7, seconds!.Value, 6);

        var (never, reason) = PostgresOutageJudgement.Recovery(answers, polls, 10.0, 4);
        Assert.Null(never);
        Assert.Contains("no 4 writes in a row succeeded", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"id":"a","fundId":1,"stageAllocation":{"seed":0.5,"series-a":0.5}}""", """{"stageAllocation":{"series-a":0.5,"seed":0.5},"fundId":1.0,"id":"a"}""")]
    [InlineData("""{"id":"a","items":[{"stage":"seed","amount":10}],"total":10}""", """{"id":"a","total":10.0000000000001,"items":[{"amount":10,"stage":"seed"}]}""")]
    [InlineData("""{"stageAllocation":{"Series A":1}}""", """{"stageAllocation":{"series-a":1}}""")]
    public void Difference_SameMeaning_IsNull(string acknowledged, string readBack)
    {
        using var a = JsonDocument.Parse(acknowledged);
        using var b = JsonDocument.Parse(readBack);
        Assert.Null(AcknowledgedWrites.Difference(a.RootElement, b.RootElement, ContractRules.Default.Normalizer));
    }

    [Theory]
    [InlineData("""{"id":"a","total":10}""", """{"id":"a","total":11}""", "$.total")]
    [InlineData("""{"id":"a","stageAllocation":{"seed":1}}""", """{"id":"a","stageAllocation":{"series-a":1}}""", "$.stageAllocation.seed")]
    [InlineData("""{"id":"a","items":[1,2]}""", """{"id":"a","items":[1]}""", "$.items")]
    [InlineData("""{"id":"a"}""", """{"id":"a","name":"x"}""", "$.name")]
    public void Difference_OtherMeaning_NamesThePath(string acknowledged, string readBack, string path)
    {
        using var a = JsonDocument.Parse(acknowledged);
        using var b = JsonDocument.Parse(readBack);
        Assert.StartsWith(path, AcknowledgedWrites.Difference(a.RootElement, b.RootElement, ContractRules.Default.Normalizer), StringComparison.Ordinal);
    }

    [Fact]
    public void Record_KeepsIdAndEcho_AndRefusesAnAnswerWithoutId()
    {
        var ledger = new AcknowledgedWrites();
        Assert.Null(ledger.Record("/api/allocations/{id}", """{"id":"abc","total":1}""", 1.5, "rid-1"));
        Assert.Equal("the 2xx answer has no id", ledger.Record("/api/allocations/{id}", """{"total":1}""", 1.6, "rid-2"));
        Assert.Equal("the 2xx answer is not JSON", ledger.Record("/api/allocations/{id}", "ok", 1.7, "rid-3"));
        var write = Assert.Single(ledger.All);
        Assert.Equal("api/allocations/abc", write.ReadBackRoute);
        Assert.Equal(1.5, write.SentAt);
    }

    [Theory]
    [InlineData(201, null, "", null)]
    [InlineData(503, "application/problem+json", """{"status":503,"title":"Store unavailable"}""", null)]
    [InlineData(500, "application/problem+json", """{"status":500}""", "500")]
    [InlineData(503, "text/plain", "down", "503 as text/plain, not application/problem+json")]
    [InlineData(503, "application/problem+json", """{"status":500}""", "503 problem without status 503 in its body")]
    [InlineData(404, "application/problem+json", """{"status":404}""", "404")]
    public void Unclean_OnlyA503ProblemIsCleanFailure(int status, string? mediaType, string body, string? expected) =>
        Assert.Equal(expected, CleanFailureReading.Unclean(status, mediaType, body));

    [Theory]
    [InlineData("{ id: d, kind: postgres-outage-drill, parameters: { outage: restart } }", "parameter 'outage' must be one of stop, pause")]
    [InlineData("{ id: d, kind: postgres-outage-drill, parameters: { outageSeconds: 0 } }", "parameter 'outageSeconds' must be a number")]
    [InlineData("{ id: d, kind: postgres-outage-drill, parameters: { requestTimeoutSeconds: 60 } }", "parameter 'requestTimeoutSeconds' must be a number")]
    [InlineData("{ id: d, kind: postgres-outage-drill, threshold: \"> 30s\" }", "the threshold bounds the recovery time from above")]
    [InlineData("{ id: d, kind: postgres-outage-drill, threshold: \"< 1%\" }", "postgres-outage-drill")]
    public void Prepare_UnusableDrill_IsAPlanErrorNamingIt(string gate, string expected)
    {
        var e = Assert.Throws<PlanException>(() => new RehearsalRunner(BuiltInGates.Registry, Clock).Prepare(Plan(gate).Phases[0]));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ id: d, kind: postgres-outage-drill }")]
    [InlineData("{ id: d, kind: postgres-outage-drill, threshold: \"<= 20s\", parameters: { outage: pause, outageSeconds: 5 } }")]
    public void Prepare_UsableDrill_Builds(string gate) =>
        Assert.Contains(new RehearsalRunner(BuiltInGates.Registry, Clock).Prepare(Plan(gate).Phases[0]), g => g.Gate is PostgresOutageDrillGate);

    [Fact]
    public void NeedsCheck_NoPostgresControl_IsNotApplicableNamingTheOption()
    {
        var plan = Plan("{ id: d, kind: postgres-outage-drill }");
        using var http = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:9/") };
        var request = new RehearsalRequest { Plan = plan, Phase = plan.Phases[0], Http = http, TargetKind = TargetKind.Url };
        var kind = BuiltInGates.Registry.Describe(GateKinds.PostgresOutageDrill);
        var result = NeedsCheck.Unmet(kind, plan.Phases[0].Gates[0], request);
        Assert.Equal(GateStatus.NotApplicable, result!.Status);
        Assert.Contains("--postgres-container", result.Reason, StringComparison.Ordinal);
        Assert.Null(NeedsCheck.Unmet(kind, plan.Phases[0].Gates[0], request with { Dependencies = new ControlOf(Dependency.Postgres) }));
    }

    private static PhasePlan Plan(string gate) => OneGatePlan.Of(gate);
}
