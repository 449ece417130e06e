namespace Harness.Engine.Gates.Kinds;

/// <summary>
/// What a gate kind needs beyond the target's HTTP API. The runner checks these before a gate runs
/// and reports a gate whose needs are not met as NotEvaluated (or NotApplicable, where the question
/// has no subject on the target) with the way to meet them; the CLI provisions from them (a phase
/// whose gates need a database gets the embedded target's containers).
/// </summary>
[Flags]
public enum GateNeeds
{
    /// <summary>Only HTTP.</summary>
    None = 0,

    /// <summary>The target's database (<c>--database</c>; the embedded target's own container).</summary>
    Database = 1,

    /// <summary>A capture of real traffic (<c>--capture</c> or the gate's <c>capture</c> parameter).</summary>
    Capture = 2,

    /// <summary>The ops token and a webhook credential (<c>REHEARSE_OPS_TOKEN</c>, <c>REHEARSE_WEBHOOK_HMAC_KEY</c> or <c>REHEARSE_WEBHOOK_TOKEN</c>).</summary>
    DrillCredentials = 4,

    /// <summary>A Prometheus that scrapes the target with the shipped rules loaded: the harness starts one, or <c>--prometheus</c>.</summary>
    Prometheus = 8,

    /// <summary>An Alertmanager that routes the target's alerts to its webhook: the harness starts one, or <c>--alertmanager</c>.</summary>
    Alertmanager = 16,

    /// <summary>A second deployment to compare the target with: the service as it runs now (the gate's <c>primary</c> parameter).</summary>
    Primary = 32,

    /// <summary>Control of the target's Redis (<c>--redis-container</c>; the embedded target's own container), to take it away in a drill.</summary>
    RedisControl = 64,

    /// <summary>Control of the target's Postgres (<c>--postgres-container</c>; the embedded target's own container), to take it away in a drill.</summary>
    PostgresControl = 128,

    /// <summary>A way to slow the target's Redis and Postgres calls (<c>--latency-command</c>; the embedded target's own, in-process), for the latency drill.</summary>
    LatencyControl = 256,
}
