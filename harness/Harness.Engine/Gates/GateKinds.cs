namespace Harness.Engine.Gates;

/// <summary>Names of the gate kinds this version implements.</summary>
public static class GateKinds
{
    /// <summary>The target's <c>/api/deprecations</c> matches the phase configuration.</summary>
    public const string ConfigurationConformance = "configuration-conformance";

    /// <summary>The phase under load, recorded as a baseline and, with <c>--baseline</c>, judged against one.</summary>
    public const string BaselineLoad = "baseline-load";

    /// <summary>Every golden payload gets the contract's answer.</summary>
    public const string GoldenConformance = "golden-conformance";

    /// <summary>Warn/shadow responses to unknown stages carry the whole deprecation (or would-reject) set.</summary>
    public const string HeaderCoverage = "header-coverage";

    /// <summary>Generated requests get the status, mode and headers the decision table gives.</summary>
    public const string DecisionTable = "decision-table";

    /// <summary><c>/metrics</c> labels stay within their allowed sets and never hold raw stage values.</summary>
    public const string BoundedLabels = "bounded-labels";

    /// <summary>Share of generated requests ending in a 5xx, a transport failure or a status the contract does not give.</summary>
    public const string ErrorRate = "error-rate";

    /// <summary>Validator percentile from the target's duration histogram.</summary>
    public const string ValidatorLatency = "validator-latency";

    /// <summary>Share of fresh request ids answered in enforce, against the phase's percent and the bucket function.</summary>
    public const string EnforcedShare = "enforced-share";

    /// <summary>A firing alert at the webhook moves enforce to warn in time; the mode is restored after.</summary>
    public const string AutoDowngradeDrill = "auto-downgrade-drill";

    /// <summary>The auto-downgrade webhook refuses unsigned, forged, stale, future-dated and replayed alerts, and the mode stays.</summary>
    public const string WebhookHardening = "webhook-hardening";

    /// <summary>Traffic readiness: share of replayed real requests with an unknown stage.</summary>
    public const string UnknownRate = "unknown-rate";

    /// <summary>Traffic readiness: share of replayed real requests answered as would-reject.</summary>
    public const string WouldRejectRate = "would-reject-rate";

    /// <summary>Traffic readiness per client: the consumer audit of an access log, overall and per-client share limits.</summary>
    public const string ConsumerAudit = "consumer-audit";

    /// <summary>End-to-end latency percentile under an open-model load, timed from scheduled start.</summary>
    public const string LatencyUnderLoad = "latency-under-load";

    /// <summary>Shadow: the would-reject share of generated traffic matches the injected unknown share.</summary>
    public const string WouldRejectConformance = "would-reject-conformance";

    /// <summary>Error rate over a sustained open-model load.</summary>
    public const string SustainedErrorRate = "sustained-error-rate";

    /// <summary>The migration rehearsal on the target's database: plan, snapshot/restore, apply killed mid-run, resume, verify, re-apply, smoke, rollback.</summary>
    public const string MigrationRehearsal = "migration-rehearsal";

    /// <summary>The migration tool's read-only verify on the target's database.</summary>
    public const string MigrationVerify = "migration-verify";

    /// <summary>A PromQL expression through Prometheus's HTTP API against a threshold, instant or held over a window.</summary>
    public const string Promql = "promql";

    /// <summary>Dual run: the target's answers compared field by field with a primary deployment's (the engine of <c>rehearse diff</c>).</summary>
    public const string DualRun = "dual-run";

    /// <summary>The auto-downgrade drill through the real chain: rule firing in Prometheus, Alertmanager, the webhook, behavioural warn.</summary>
    public const string AlertChainDrill = "alert-chain-drill";

    /// <summary>Chaos-lite: Redis paused or stopped under load; no failed request, the mode unchanged, the webhook's replay check held, recovery in time.</summary>
    public const string RedisOutageDrill = "redis-outage-drill";

    /// <summary>Chaos-lite: +200 ms on the Redis and Postgres calls under load; the 100 ms mode store bound holds, no failed request, p99 within budget.</summary>
    public const string LatencyDrill = "latency-drill";

    /// <summary>Chaos-lite: Postgres stopped or paused under load; clean 503s, readiness, recovery time and no acknowledged write lost.</summary>
    public const string PostgresOutageDrill = "postgres-outage-drill";
}
