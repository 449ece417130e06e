using Harness.Engine.Gates.Kinds;

namespace Harness.Engine.Gates.Drills;

/// <summary>The parameters of the latency-drill gate, with their defaults and ranges (<see cref="GateParameterAttribute"/>).</summary>
public sealed record LatencyDrillOptions
{
    /// <summary>Milliseconds added to every Redis and Postgres call; default 200 (seed 003).</summary>
    [GateParameter("milliseconds added to every call to Redis, then to Postgres", Min = 1, Max = 10_000)]
    public int LatencyMilliseconds { get; init; } = 200;

    /// <summary>
    /// Seconds of the control period (nothing slowed) and, equally long, of the period in which Redis is slowed; default 20
    /// (at least three of the contract's 5 s mode cache periods, each of which asks Redis once).
    /// </summary>
    [GateParameter("seconds of the control period, and equally of the period with Redis slowed (at least three 5 s mode cache periods for a verdict on the bound)", Min = 5, Max = 600)]
    public double WindowSeconds { get; init; } = 20;

    /// <summary>Seconds Postgres is slowed, after Redis; default 10.</summary>
    [GateParameter("seconds Postgres is slowed, after Redis", Min = 1, Max = 600)]
    public double PostgresSeconds { get; init; } = 10;

    /// <summary>Seconds of load after both are restored; default 2.</summary>
    [GateParameter("seconds of load after both are restored", Min = 0, Max = 120)]
    public double AfterSeconds { get; init; } = 2;

    /// <summary>Stage requests per second of the open-model load; default 20.</summary>
    [GateParameter("stage requests per second of the open-model load", Min = 1, Max = 1000)]
    public double Rate { get; init; } = 20;

    /// <summary>Milliseconds within which every stage request must be answered; default 2000 (a slowed write calls Postgres more than once).</summary>
    [GateParameter("milliseconds within which every stage request must be answered (slower is a failed request)", Min = 100, Max = 60_000)]
    public int RequestTimeoutMilliseconds { get; init; } = 2000;

    /// <summary>
    /// Episodes of requests held at least the added latency while Redis is slowed, beyond those of the control period,
    /// that show the mode store's 100 ms bound does not hold; default 2.
    /// </summary>
    [GateParameter("episodes of requests held at least the added latency while Redis is slowed, beyond the control period's, that fail the 100 ms bound", Min = 1, Max = 1000)]
    public int ExtraSlowEpisodes { get; init; } = 2;

    /// <summary>Fewest stage requests in each period for a verdict; fewer is Inconclusive; default 50.</summary>
    [GateParameter("fewest stage requests in each period for a verdict (fewer: Inconclusive)", Min = 1, Max = 100_000)]
    public int MinRequestsPerPeriod { get; init; } = 50;

    /// <summary>The added latency.</summary>
    public TimeSpan Latency => TimeSpan.FromMilliseconds(LatencyMilliseconds);
}
