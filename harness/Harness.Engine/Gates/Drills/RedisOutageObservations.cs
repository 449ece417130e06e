namespace Harness.Engine.Gates.Drills;

/// <summary>Everything the redis-outage drill saw, for <see cref="RedisOutageJudgement"/>; times are seconds from the start of the load.</summary>
public sealed record RedisOutageObservations
{
    /// <summary>What was acted on, such as <c>container rehearse-redis (docker)</c>.</summary>
    public string Control { get; init; } = "";

    /// <summary>Every stage request sent, placed before, during or after the outage.</summary>
    public IReadOnlyList<OutageRequest> Ledger { get; init; } = [];

    /// <summary>When the break was started.</summary>
    public double BreakAt { get; init; }

    /// <summary>When the repair had finished.</summary>
    public double RepairedAt { get; init; }

    /// <summary>The sum of <c>stage_mode_redis_errors_total</c> over its series, scraped while the load ran.</summary>
    public IReadOnlyList<TimedValue> RedisErrors { get; init; } = [];

    /// <summary>Why the counter could not be read (absent, unreadable); null when it was.</summary>
    public string? RedisErrorsProblem { get; init; }

    /// <summary><c>/readyz</c> status codes while the load ran (0: no answer).</summary>
    public IReadOnlyList<TimedValue> Readiness { get; init; } = [];

    /// <summary>The behaviour probes before the outage, described.</summary>
    public IReadOnlyList<string> ModeBefore { get; init; } = [];

    /// <summary>The behaviour probes after the outage (and any restore), described.</summary>
    public IReadOnlyList<string> ModeAfter { get; init; } = [];

    /// <summary>The self-report (<c>/api/deprecations</c>) before, or why it could not be read.</summary>
    public string SelfReportBefore { get; init; } = "";

    /// <summary>The self-report after.</summary>
    public string SelfReportAfter { get; init; } = "";

    /// <summary>The webhook delivery's status while Redis was away (0: no answer); null when the check was not run.</summary>
    public int? WebhookStatus { get; init; }

    /// <summary>The webhook's answer, or why the check was not run.</summary>
    public string WebhookDetail { get; init; } = "";

    /// <summary>Whether the mode was restored with the ops API after a webhook delivery was accepted; null when none was.</summary>
    public bool? Restored { get; init; }
}
