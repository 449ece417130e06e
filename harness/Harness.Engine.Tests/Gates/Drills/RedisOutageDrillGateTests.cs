using Harness.Engine.Gates;
using Harness.Engine.Gates.Drills;
using Harness.Engine.Plans;
using Harness.Engine.Rehearsals;
using Harness.Engine.Targets;
using Microsoft.Extensions.Time.Testing;

namespace Harness.Engine.Tests.Gates.Drills;

/// <summary>
/// The <c>redis-outage-drill</c> kind: its plan errors, its needs (not applicable without control of
/// Redis, worded for URL and embedded targets) and its pure judgement of a drill's observations.
/// </summary>
public sealed class RedisOutageDrillGateTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 12, 1, 7, 0, 0, TimeSpan.Zero));
    private static readonly Threshold Limit = Threshold.Parse("< 30s");

    private static PhasePlan Plan(string gate) => OneGatePlan.Of(gate, "mode: enforce, enforcementPercent: 25");

    [Theory]
    [InlineData("{ id: r, kind: redis-outage-drill }")]
    [InlineData("{ id: r, kind: redis-outage-drill, threshold: \"<= 20s\", parameters: { outage: stop, outageSeconds: 4, rate: 50 } }")]
    public void Prepare_UsableGate_Builds(string gate)
    {
        var built = new RehearsalRunner(BuiltInGates.Registry, Clock).Prepare(Plan(gate).Phases[0]);
        Assert.Contains(built, g => g.Spec.Kind == GateKinds.RedisOutageDrill && g.Gate is RedisOutageDrillGate);
    }

    [Theory]
    [InlineData("{ id: r, kind: redis-outage-drill, parameters: { outage: kill } }", "outage")]
    [InlineData("{ id: r, kind: redis-outage-drill, parameters: { outageSeconds: 0 } }", "outageSeconds")]
    [InlineData("{ id: r, kind: redis-outage-drill, parameters: { requestTimeoutMilliseconds: 5 } }", "requestTimeoutMilliseconds")]
    [InlineData("{ id: r, kind: redis-outage-drill, parameters: { blast: 1 } }", "unknown parameter 'blast'")]
    [InlineData("{ id: r, kind: redis-outage-drill, threshold: \"< 5%\" }", "redis-outage-drill")]
    public void Prepare_UnusableGate_IsAPlanErrorNamingIt(string gate, string expected)
    {
        var e = Assert.Throws<PlanException>(() => new RehearsalRunner(BuiltInGates.Registry, Clock).Prepare(Plan(gate).Phases[0]));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TargetKind.Url, "name its container with --redis-container")]
    [InlineData(TargetKind.Embedded, "--stores containers or auto")]
    public void NeedsCheck_NoRedisControl_IsNotApplicableSayingHowToGiveIt(TargetKind target, string expected)
    {
        var plan = Plan("{ id: r, kind: redis-outage-drill }");
        using var http = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:9/") };
        var request = new RehearsalRequest { Plan = plan, Phase = plan.Phases[0], Http = http, TargetKind = target };
        var kind = BuiltInGates.Registry.Describe(GateKinds.RedisOutageDrill);
        var result = NeedsCheck.Unmet(kind, plan.Phases[0].Gates[0], request);
        Assert.NotNull(result);
        Assert.Equal(GateStatus.NotApplicable, result.Status);
        Assert.Contains(expected, result.Reason, StringComparison.Ordinal);

        Assert.Null(NeedsCheck.Unmet(kind, plan.Phases[0].Gates[0], request with { Dependencies = new ControlOf(Dependency.Redis) }));
    }

    [Fact]
    public void Judge_CleanOutage_Passes()
    {
        var result = RedisOutageJudgement.Judge(Seen(), new RedisOutageDrillOptions(), Limit);
        Assert.Equal(GateStatus.Pass, result.Status);
        Assert.Equal(0, result.Value!.Value, 3);
        Assert.Contains(", 0 failed", result.Reason, StringComparison.Ordinal);
        Assert.Single(result.Charts);
    }

    [Theory]
    [InlineData(0, null, "no answer: connection refused", "no answer: connection refused")]
    [InlineData(503, null, null, "503")]
    [InlineData(200, null, null, "too slow")]
    [InlineData(400, null, null, "400 where the contract gives 2xx")]
    public void Judge_AFailedRequestDuringTheOutage_FailsNamingIt(int status, int? expected, string? error, string named)
    {
        var slow = named == "too slow" ? 1500 : 5;
        var ledger = Ledger().Select(r => r.Index == 100 ? r with { Status = status, Expected = expected, Error = error, AnsweredAt = r.SentAt + (slow / 1000.0) } : r).ToList();
        var result = RedisOutageJudgement.Judge(Seen() with { Ledger = ledger }, new RedisOutageDrillOptions(), Limit);
        Assert.Equal(GateStatus.Fail, result.Status);
        Assert.Contains("1 failed stage request(s)", result.Reason, StringComparison.Ordinal);
        Assert.Contains(named, result.Reason, StringComparison.Ordinal);
        Assert.Contains(result.Evidence, e => e.Subject.StartsWith("request #100 ", StringComparison.Ordinal) && e.Subject.EndsWith("(during)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(200, GateStatus.Fail, "replay protection skipped")]
    [InlineData(409, GateStatus.Fail, "a first delivery refused as a replay")]
    [InlineData(401, GateStatus.Fail, "the sender will not retry")]
    [InlineData(503, GateStatus.Pass, "webhook refused with 503")]
    public void Judge_WebhookWhileRedisIsAway_OnlyARetryableRefusalPasses(int status, GateStatus verdict, string reason)
    {
        var result = RedisOutageJudgement.Judge(Seen() with { WebhookStatus = status, Restored = status == 200 ? true : null }, new RedisOutageDrillOptions(), Limit);
        Assert.Equal(verdict, result.Status);
        Assert.Contains(reason, result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_ModeOrSelfReportChanged_Fails()
    {
        var mode = RedisOutageJudgement.Judge(Seen() with { ModeAfter = ["warn: 200", "warn: 200", "warn: 200"] }, new RedisOutageDrillOptions(), Limit);
        Assert.Equal(GateStatus.Fail, mode.Status);
        Assert.Contains("the mode changed across the outage", mode.Reason, StringComparison.Ordinal);
        var report = RedisOutageJudgement.Judge(Seen() with { SelfReportAfter = "{\"mode\":\"warn\"}" }, new RedisOutageDrillOptions(), Limit);
        Assert.Equal(GateStatus.Fail, report.Status);
    }

    [Fact]
    public void Judge_CounterStillGrowingPastTheThreshold_Fails()
    {
        var errors = Enumerable.Range(0, 80).Select(i => new TimedValue(i * 0.5, i)).ToList();
        var result = RedisOutageJudgement.Judge(Seen() with { RedisErrors = errors }, new RedisOutageDrillOptions(), Threshold.Parse("< 10s"));
        Assert.Equal(GateStatus.Fail, result.Status);
        Assert.Contains("stage_mode_redis_errors_total still grew", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_TooFewRequestsDuringTheOutage_IsInconclusive()
    {
        var result = RedisOutageJudgement.Judge(Seen(), new RedisOutageDrillOptions { MinRequestsDuringOutage = 1000 }, Limit);
        Assert.Equal(GateStatus.Inconclusive, result.Status);
        Assert.Contains("fewer than 1000", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_HarnessFellBehind_IsInconclusive_ButFailuresStillFail()
    {
        var late = Ledger().Select(r => r with { SentAt = r.ScheduledSeconds + 0.4, AnsweredAt = r.ScheduledSeconds + 0.405 }).ToList();
        Assert.Equal(GateStatus.Inconclusive, RedisOutageJudgement.Judge(Seen() with { Ledger = late }, new RedisOutageDrillOptions(), Limit).Status);
        var lateAndFailed = late.Select(r => r.Index == 5 ? r with { Status = 500 } : r).ToList();
        Assert.Equal(GateStatus.Fail, RedisOutageJudgement.Judge(Seen() with { Ledger = lateAndFailed }, new RedisOutageDrillOptions(), Limit).Status);
    }

    [Fact]
    public void Judge_NoRequestSentForPartOfTheOutage_IsInconclusive()
    {
        var gap = Ledger().Where(r => r.ScheduledSeconds is < 6 or >= 9).ToList();
        var result = RedisOutageJudgement.Judge(Seen() with { Ledger = gap }, new RedisOutageDrillOptions(), Limit);
        Assert.Equal(GateStatus.Inconclusive, result.Status);
        Assert.Contains("no request sent for 3.1s of the outage", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "recovery not measured: /metrics has no stage_mode_redis_errors_total")]
    [InlineData(0.0, "never grew while Redis was away")]
    public void Judge_CounterAbsentOrFlat_IsInconclusive(double? flat, string reason)
    {
        var seen = flat is null
            ? Seen() with { RedisErrors = [], RedisErrorsProblem = "/metrics has no stage_mode_redis_errors_total (contract section 9)" }
            : Seen() with { RedisErrors = [.. Enumerable.Range(0, 60).Select(i => new TimedValue(i * 0.5, 3))] };
        var result = RedisOutageJudgement.Judge(seen, new RedisOutageDrillOptions(), Limit);
        Assert.Equal(GateStatus.Inconclusive, result.Status);
        Assert.Contains(reason, result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Recovery_IsTheLastGrowthAfterTheRepair_OnceFlatForTheQuietTime()
    {
        TimedValue[] samples = [new(0, 0), new(5, 1), new(10, 2), new(13, 3), new(14, 3), new(19, 3), new(20, 3)];
        Assert.Equal(((double?)3.0, true), RedisOutageJudgement.Recovery(samples, 10, 6));
        Assert.Equal(((double?)null, false), RedisOutageJudgement.Recovery(samples[..5], 10, 6));
        Assert.Equal(((double?)0.0, true), RedisOutageJudgement.Recovery([new(0, 0), new(9, 2), new(10, 2), new(17, 2)], 10, 6));
    }

    private static List<OutageRequest> Ledger() =>
        [.. Enumerable.Range(0, 400).Select(i => new OutageRequest(i, "GET /api/companies", "GET /api/companies", i / 20.0, (i / 20.0) + 0.001)
        {
            Window = i / 20.0 < 3 ? OutageWindow.Before : i / 20.0 < 13 ? OutageWindow.During : OutageWindow.After,
            Status = 200,
            AnsweredAt = (i / 20.0) + 0.006,
        })];

    private static RedisOutageObservations Seen() => new()
    {
        Control = "container redis (docker)",
        Ledger = Ledger(),
        BreakAt = 3,
        RepairedAt = 13,
        RedisErrors = [.. Enumerable.Range(0, 50).Select(i => new TimedValue(i * 0.5, i * 0.5 is >= 3 and < 13.5 ? Math.Floor((i * 0.5 - 3) / 5) + 1 : i * 0.5 < 3 ? 0 : 3))],
        Readiness = [.. Enumerable.Range(0, 25).Select(i => new TimedValue(i, 200))],
        ModeBefore = ["enforce: 400 INVALID_STAGE", "enforce: 400 INVALID_STAGE", "enforce: 400 INVALID_STAGE"],
        ModeAfter = ["enforce: 400 INVALID_STAGE", "enforce: 400 INVALID_STAGE", "enforce: 400 INVALID_STAGE"],
        SelfReportBefore = "{\"mode\":\"enforce\"}",
        SelfReportAfter = "{\"mode\":\"enforce\"}",
        WebhookDetail = "not run: no credentials",
    };
}
