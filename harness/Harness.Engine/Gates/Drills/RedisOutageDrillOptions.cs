using Harness.Engine.Gates.Kinds;
using Harness.Engine.Targets;

namespace Harness.Engine.Gates.Drills;

/// <summary>The parameters of the redis-outage-drill gate, with their defaults and ranges (<see cref="GateParameterAttribute"/>).</summary>
public sealed record RedisOutageDrillOptions : IOutageDrillOptions
{
    /// <summary>How Redis is taken away: <c>pause</c> (frozen, only timeouts help) or <c>stop</c> (connections refused); default pause.</summary>
    [GateParameter("how Redis is taken away: pause (docker pause: frozen) or stop (docker stop, then start)", Choices = ["pause", "stop"])]
    public string Outage { get; init; } = "pause";

    /// <summary>Seconds Redis stays away; default 10 (seed 003).</summary>
    [GateParameter("seconds Redis stays away", Min = 1, Max = 300)]
    public double OutageSeconds { get; init; } = 10;

    /// <summary>Stage requests per second of the open-model load sent before, during and after the outage; default 20.</summary>
    [GateParameter("stage requests per second of the open-model load before, during and after the outage", Min = 1, Max = 1000)]
    public double Rate { get; init; } = 20;

    /// <summary>Seconds of load before Redis is taken away; default 3.</summary>
    [GateParameter("seconds of load before Redis is taken away", Min = 0, Max = 120)]
    public double BeforeSeconds { get; init; } = 3;

    /// <summary>Seconds of load after recovery is measured; default 3.</summary>
    [GateParameter("seconds of load after the recovery was measured", Min = 0, Max = 120)]
    public double AfterSeconds { get; init; } = 3;

    /// <summary>Milliseconds within which every stage request must be answered; default 1000 (the contract bounds the mode store call by 100 ms).</summary>
    [GateParameter("milliseconds within which every stage request must be answered (slower is a failed request)", Min = 100, Max = 60_000)]
    public int RequestTimeoutMilliseconds { get; init; } = 1000;

    /// <summary>
    /// Seconds <c>stage_mode_redis_errors_total</c> must stay flat after the repair for Redis to count as used
    /// again; default 6 (longer than the contract's 5 s mode cache, so one quiet cache period is not mistaken for recovery).
    /// </summary>
    [GateParameter("seconds stage_mode_redis_errors_total must stay flat after the repair to count as recovered (more than the 5 s mode cache)", Min = 1, Max = 120)]
    public double QuietSeconds { get; init; } = 6;

    /// <summary>Fewest stage requests sent while Redis is away for a verdict; fewer is Inconclusive; default 20.</summary>
    [GateParameter("fewest stage requests sent while Redis is away for a verdict (fewer: Inconclusive)", Min = 1, Max = 100_000)]
    public int MinRequestsDuringOutage { get; init; } = 20;

    /// <inheritdoc />
    public TimeSpan RequestTimeout => TimeSpan.FromMilliseconds(RequestTimeoutMilliseconds);

    /// <inheritdoc />
    public Outage How => IOutageDrillOptions.Parse(Outage);
}
