using Harness.Engine.Gates.Kinds;
using Harness.Engine.Targets;

namespace Harness.Engine.Gates.Drills;

/// <summary>The parameters of the postgres-outage-drill gate, with their defaults and ranges (<see cref="GateParameterAttribute"/>).</summary>
public sealed record PostgresOutageDrillOptions : IOutageDrillOptions
{
    /// <summary>How Postgres is taken away: <c>stop</c> (docker stop, then start) or <c>pause</c> (docker pause, then unpause); default stop.</summary>
    [GateParameter("how Postgres is taken away: stop (docker stop/start) or pause (docker pause/unpause)", Choices = ["stop", "pause"])]
    public string Outage { get; init; } = "stop";

    /// <summary>Seconds Postgres stays away, counted from when the break command returns; default 5 (seed 003).</summary>
    [GateParameter("seconds Postgres stays away, from when the break command returns", Min = 1, Max = 300)]
    public double OutageSeconds { get; init; } = 5;

    /// <summary>Arrival rate of the open-model mix of stage requests (writes included), requests per second; default 40.</summary>
    [GateParameter("arrival rate of the open-model mix of stage requests, requests per second", Min = 1, Max = 5_000)]
    public int Rate { get; init; } = 40;

    /// <summary>Share of the mix that is persisted writes (POST of strategies and allocations); default 0.5.</summary>
    [GateParameter("share of the mix that is persisted writes (POST of strategies and allocations)", Min = 0.05, Max = 1)]
    public double WriteShare { get; init; } = 0.5;

    /// <summary>Seconds of load before the outage; default 3.</summary>
    [GateParameter("seconds of load before the outage", Min = 1, Max = 600)]
    public double BeforeSeconds { get; init; } = 3;

    /// <summary>Seconds of load kept after recovery; default 2.</summary>
    [GateParameter("seconds of load kept after recovery", Min = 0, Max = 600)]
    public double AfterSeconds { get; init; } = 2;

    /// <summary>Seconds a request may stay unanswered; one unanswered by then is a hang (Fail); default 10.</summary>
    [GateParameter("seconds a request may stay unanswered before it counts as a hang", Min = 1, Max = 25)]
    public double RequestTimeoutSeconds { get; init; } = 10;

    /// <summary>Milliseconds between <c>/readyz</c> polls through the window; default 250.</summary>
    [GateParameter("milliseconds between /readyz polls", Min = 50, Max = 5_000)]
    public int ReadyPollMilliseconds { get; init; } = 250;

    /// <summary>Writes in a row (in send order) that must succeed after the repair for the service to count as recovered; default 5.</summary>
    [GateParameter("writes in a row that must succeed after the repair to count as recovered", Min = 1, Max = 1_000)]
    public int ConsecutiveWrites { get; init; } = 5;

    /// <summary>Share of sends allowed to be more than 100 ms behind schedule before the drill is Inconclusive (the harness fell behind); default 0.2.</summary>
    [GateParameter("share of sends allowed more than 100 ms behind schedule before the drill is Inconclusive", Min = 0, Max = 1)]
    public double MaxLateShare { get; init; } = 0.2;

    /// <inheritdoc />
    double IOutageDrillOptions.Rate => Rate;

    /// <inheritdoc />
    public TimeSpan RequestTimeout => TimeSpan.FromSeconds(RequestTimeoutSeconds);

    /// <inheritdoc />
    public Outage How => IOutageDrillOptions.Parse(Outage);
}
