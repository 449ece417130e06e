namespace Harness.Engine.Gates.Drills;

/// <summary>What the latency drill saw, for <see cref="LatencyDrillJudgement"/>; times in seconds from the start of the drill.</summary>
public sealed record LatencyDrillObservations
{
    /// <summary>What slowing meant (such as <c>in-process ...</c> or the command), for the report.</summary>
    public string Control { get; init; } = "";

    /// <summary>Every stage request of the load, in send order.</summary>
    public IReadOnlyList<OutageRequest> Ledger { get; init; } = [];

    /// <summary>When Redis was slowed (the end of the control period).</summary>
    public double RedisSlowedAt { get; init; }

    /// <summary>When Redis was restored and Postgres slowed.</summary>
    public double PostgresSlowedAt { get; init; }

    /// <summary>When Postgres was restored.</summary>
    public double RestoredAt { get; init; }

    /// <summary><c>stage_mode_redis_errors_total</c> over time (evidence: a bounded store counts its timeouts); empty when absent.</summary>
    public IReadOnlyList<TimedValue> RedisErrors { get; init; } = [];

    /// <summary>Why the counter could not be read, if it could not.</summary>
    public string? RedisErrorsProblem { get; init; }

    /// <summary>The requests of the control period: sent before Redis was slowed.</summary>
    public IEnumerable<OutageRequest> ControlPeriod => Ledger.Where(r => r.ScheduledSeconds < RedisSlowedAt);

    /// <summary>The requests sent while Redis was slowed.</summary>
    public IEnumerable<OutageRequest> RedisPeriod => Ledger.Where(r => r.ScheduledSeconds >= RedisSlowedAt && r.ScheduledSeconds < PostgresSlowedAt);

    /// <summary>The requests sent while Postgres was slowed.</summary>
    public IEnumerable<OutageRequest> PostgresPeriod => Ledger.Where(r => r.ScheduledSeconds >= PostgresSlowedAt && r.ScheduledSeconds < RestoredAt);
}
