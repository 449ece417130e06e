using Harness.Engine.Gates;
using Harness.Engine.Gates.Drills;
using Harness.Engine.Plans;
using Harness.Engine.Rehearsals;
using Harness.Engine.Targets;
using Microsoft.Extensions.Time.Testing;

namespace Harness.Engine.Tests.Gates.Drills;

/// <summary>
/// The <c>latency-drill</c> kind: its plan errors, its needs (not applicable without a way to slow the
/// target's stores) and its pure judgement: the 100 ms bound read from slow episodes against the control
/// period (a service waiting on Redis fails, a machine pause does not), failed requests, the p99 budget,
/// and a fault that never showed.
/// </summary>
public sealed class LatencyDrillGateTests
{
    private const double RedisAt = 20;
    private const double PostgresAt = 40;
    private const double RestoredAt = 50;
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 12, 1, 7, 0, 0, TimeSpan.Zero));
    private static readonly Threshold Budget = Threshold.Parse("< 1s");
    private static readonly LatencyDrillOptions Options = new();

    private static PhasePlan Plan(string gate) => OneGatePlan.Of(gate, "mode: enforce, enforcementPercent: 25");

    [Theory]
    [InlineData("{ id: l, kind: latency-drill }")]
    [InlineData("{ id: l, kind: latency-drill, threshold: \"< 800ms\", parameters: { latencyMilliseconds: 300, windowSeconds: 30, rate: 40 } }")]
    public void Prepare_UsableGate_Builds(string gate)
    {
        var built = new RehearsalRunner(BuiltInGates.Registry, Clock).Prepare(Plan(gate).Phases[0]);
        Assert.Contains(built, g => g.Spec.Kind == GateKinds.LatencyDrill && g.Gate is LatencyDrillGate);
    }

    [Theory]
    [InlineData("{ id: l, kind: latency-drill, parameters: { latencyMilliseconds: 0 } }", "latencyMilliseconds")]
    [InlineData("{ id: l, kind: latency-drill, parameters: { windowSeconds: 2 } }", "windowSeconds")]
    [InlineData("{ id: l, kind: latency-drill, parameters: { jitter: 1 } }", "unknown parameter 'jitter'")]
    [InlineData("{ id: l, kind: latency-drill, threshold: \"< 5%\" }", "latency-drill")]
    public void Prepare_UnusableGate_IsAPlanErrorNamingIt(string gate, string expected)
    {
        var e = Assert.Throws<PlanException>(() => new RehearsalRunner(BuiltInGates.Registry, Clock).Prepare(Plan(gate).Phases[0]));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NeedsCheck_NoLatencyControl_IsNotApplicableNamingTheOption()
    {
        var plan = Plan("{ id: l, kind: latency-drill }");
        using var http = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:9/") };
        var request = new RehearsalRequest { Plan = plan, Phase = plan.Phases[0], Http = http, TargetKind = TargetKind.Url };
        var kind = BuiltInGates.Registry.Describe(GateKinds.LatencyDrill);
        var result = NeedsCheck.Unmet(kind, plan.Phases[0].Gates[0], request);
        Assert.NotNull(result);
        Assert.Equal(GateStatus.NotApplicable, result.Status);
        Assert.Contains("--latency-command", result.Reason, StringComparison.Ordinal);

        Assert.NotNull(NeedsCheck.Unmet(kind, plan.Phases[0].Gates[0], request with { Latency = new SlowingOf(Dependency.Redis) }));
        Assert.Null(NeedsCheck.Unmet(kind, plan.Phases[0].Gates[0], request with { Latency = new SlowingOf(Dependency.Redis, Dependency.Postgres) }));
    }

    [Fact]
    public void Judge_BoundHolds_Passes()
    {
        // Every 5 s the mode store asks Redis once and gives up after 100 ms; Postgres-slowed requests wait 200-400 ms.
        var result = LatencyDrillJudgement.Judge(Seen(redisHeld: 100), Options, Budget);
        Assert.True(result.Status == GateStatus.Pass, result.Reason);
        Assert.Contains("bound held", result.Reason, StringComparison.Ordinal);
        // 52 s in 2 s bins, the periods marked where they start; 20 requests/s throughout.
        var chart = Assert.Single(result.Charts);
        Assert.Equal(26, chart.Categories.Count);
        Assert.Equal(["20s Redis slowed", "40s Postgres slowed", "50s restored"], chart.Categories.Where(c => c.Contains(' ', StringComparison.Ordinal)));
        Assert.All(chart.Series[0].Values, v => Assert.Equal(20, v));
    }

    [Fact]
    public void Judge_RequestsHeldTheWholeRedisLatency_FailsTheBound()
    {
        var result = LatencyDrillJudgement.Judge(Seen(redisHeld: 205), Options, Budget);
        Assert.Equal(GateStatus.Fail, result.Status);
        Assert.Contains("100 ms bound on mode store calls does not hold", result.Reason, StringComparison.Ordinal);
        Assert.Contains("in 4 separate episode(s)", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_OneMachinePauseWithRedisSlowed_IsOneEpisode_AndPasses()
    {
        // A 400 ms pause holds every request in flight at once: one episode, not a bound that failed.
        var ledger = Ledger(redisHeld: 100).Select(r => r.ScheduledSeconds is >= 30 and < 30.4 ? Answered(r, 450 - ((r.ScheduledSeconds - 30) * 1000)) : r).ToList();
        var result = LatencyDrillJudgement.Judge(Seen(redisHeld: 100) with { Ledger = ledger }, Options, Budget);
        Assert.True(result.Status == GateStatus.Pass, result.Reason);
        Assert.Single(LatencyDrillJudgement.Episodes(ledger.Where(r => r.ScheduledSeconds is >= RedisAt and < PostgresAt), 200));
    }

    [Fact]
    public void Judge_A500WhilePostgresIsSlow_Fails()
    {
        var ledger = Ledger(redisHeld: 100).Select(r => r.Index == 850 ? r with { Status = 500 } : r).ToList();
        var result = LatencyDrillJudgement.Judge(Seen(redisHeld: 100) with { Ledger = ledger }, Options, Budget);
        Assert.Equal(GateStatus.Fail, result.Status);
        Assert.Contains("1 failed stage request(s)", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_P99PastTheBudget_Fails()
    {
        var result = LatencyDrillJudgement.Judge(Seen(redisHeld: 100), Options, Threshold.Parse("< 300ms"));
        Assert.Equal(GateStatus.Fail, result.Status);
        Assert.Contains("p99 of the slowed periods 400 ms, budget < 300ms", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_PostgresLatencyNeverShowed_IsInconclusive()
    {
        var ledger = Ledger(redisHeld: 100).Select(r => r.ScheduledSeconds >= PostgresAt ? Answered(r, 3) : r).ToList();
        var result = LatencyDrillJudgement.Judge(Seen(redisHeld: 100) with { Ledger = ledger }, Options, Budget);
        Assert.Equal(GateStatus.Inconclusive, result.Status);
        Assert.Contains("the added latency did not show", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_NoisyControlPeriod_IsInconclusive()
    {
        var ledger = Ledger(redisHeld: 100).Select(r => r.Index is 40 or 140 or 240 ? Answered(r, 300) : r).ToList();
        var result = LatencyDrillJudgement.Judge(Seen(redisHeld: 100) with { Ledger = ledger }, Options, Budget);
        Assert.Equal(GateStatus.Inconclusive, result.Status);
        Assert.Contains("too noisy", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Episodes_OverlappingSlowRequestsAreOne_SeparateOnesAreNot()
    {
        OutageRequest At(int index, double sent, double ms) => new(index, "r", "GET /x", sent, sent) { AnsweredAt = sent + (ms / 1000), Status = 200 };
        var requests = new[] { At(0, 1.0, 250), At(1, 1.1, 260), At(2, 1.2, 5), At(3, 2.0, 210), At(4, 3.0, 50) };
        var episodes = LatencyDrillJudgement.Episodes(requests, 200);
        Assert.Equal([2, 1], episodes.Select(e => e.Count));
    }

    private static LatencyDrillObservations Seen(double redisHeld) => new()
    {
        Control = "in-process (test)",
        Ledger = Ledger(redisHeld),
        RedisSlowedAt = RedisAt,
        PostgresSlowedAt = PostgresAt,
        RestoredAt = RestoredAt,
    };

    /// <summary>20 requests/s for 52 s; 2 ms each, except the first request after each 5 s cache period with Redis slowed (held <paramref name="redisHeld"/> ms) and, with Postgres slowed, writes (every other request, 200 or 400 ms).</summary>
    private static List<OutageRequest> Ledger(double redisHeld) =>
    [
        .. Enumerable.Range(0, 1040).Select(i =>
        {
            var due = i / 20.0;
            var request = new OutageRequest(i, $"req {i}", i % 2 == 0 ? "POST /api/strategies" : "GET /api/companies", due, due);
            var ms = due is >= RedisAt and < PostgresAt && i % 100 == 10 ? redisHeld
                : due is >= PostgresAt and < RestoredAt && i % 2 == 0 ? (i % 4 == 0 ? 400 : 200)
                : 2;
            return Answered(request, ms);
        }),
    ];

    private static OutageRequest Answered(OutageRequest request, double ms) => request with { AnsweredAt = request.SentAt + (ms / 1000), Status = 200 };

    private sealed class SlowingOf(params Dependency[] slowed) : ILatencyControl
    {
        public string? Describe(Dependency dependency) => slowed.Contains(dependency) ? "test" : null;

        public Task SetAsync(Dependency dependency, TimeSpan added, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
