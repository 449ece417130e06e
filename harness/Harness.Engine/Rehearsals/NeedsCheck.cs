using Harness.Engine.Gates;
using Harness.Engine.Gates.Kinds;
using Harness.Engine.Plans;

namespace Harness.Engine.Rehearsals;

/// <summary>
/// What a gate's declared needs (<see cref="GateNeeds"/>) make of it when the rehearsal cannot meet
/// them: NotEvaluated (NO-GO) with the way to meet them, or NotApplicable where the question has no
/// subject: a capture of real traffic against the embedded reference (which has no real traffic), a
/// dual run without a primary to compare with. Null when every need is met.
/// </summary>
public static class NeedsCheck
{
    /// <summary>The result the gate gets instead of running, or null when it can run.</summary>
    public static GateResult? Unmet(GateKind? kind, GateSpec spec, RehearsalRequest request)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(request);
        if (kind is null)
        {
            return null;
        }

        var threshold = spec.Threshold?.Text ?? kind.DefaultThreshold ?? kind.ThresholdNote;
        if (kind.Needs.HasFlag(GateNeeds.Database) && request.Database is null)
        {
            return GateResult.NotEvaluated(kind.Measures,
                "no database: give the target's database (--database, a staging copy; or REHEARSE_DATABASE_URL); the embedded target brings its own with --stores containers", threshold);
        }

        var credentials = request.Credentials;
        if (kind.Needs.HasFlag(GateNeeds.DrillCredentials)
            && (credentials.OpsToken is null || (credentials.WebhookHmacKey is null && credentials.WebhookBearerToken is null)))
        {
            return GateResult.NotEvaluated(kind.Measures,
                "needs REHEARSE_OPS_TOKEN (to restore the mode) and REHEARSE_WEBHOOK_HMAC_KEY or REHEARSE_WEBHOOK_TOKEN; not run", threshold);
        }

        if (kind.Needs.HasFlag(GateNeeds.Prometheus) && request.Monitoring is null)
        {
            return GateResult.NotEvaluated(kind.Measures,
                "no Prometheus: the harness starts one from the Debian binary (tools/observability/provision; REHEARSE_PROMETHEUS) for phases with PromQL gates, or give yours with --prometheus <url>", threshold);
        }

        if (kind.Needs.HasFlag(GateNeeds.Alertmanager) && request.Monitoring?.Alertmanager is null)
        {
            return GateResult.NotEvaluated(kind.Measures,
                "no Alertmanager: the harness starts one from the Debian binary (tools/observability/provision; REHEARSE_ALERTMANAGER), or give yours with --alertmanager <url> beside --prometheus", threshold);
        }

        if (kind.Needs.HasFlag(GateNeeds.Primary) && !spec.Parameters.Names.Contains("primary"))
        {
            return new GateResult
            {
                Status = GateStatus.NotApplicable,
                Measured = kind.Measures,
                Threshold = threshold,
                Reason = "no primary to compare with: a dual run compares the target with the service as it runs now; set the gate's parameters.primary to that deployment's base URL "
                    + "(and parameters.secondary to a second instance of it, to learn the noise), or use rehearse diff",
            };
        }

        foreach (var (need, dependency, option) in new[] { (GateNeeds.RedisControl, Targets.Dependency.Redis, "--redis-container"), (GateNeeds.PostgresControl, Targets.Dependency.Postgres, "--postgres-container") })
        {
            if (kind.Needs.HasFlag(need) && request.Dependencies?.Describe(dependency) is null)
            {
                return new GateResult
                {
                    Status = GateStatus.NotApplicable,
                    Measured = kind.Measures,
                    Threshold = threshold,
                    Reason = request.TargetKind == Targets.TargetKind.Embedded
                        ? $"the embedded target runs without {dependency} here (--stores memory): the drill needs its containers (--stores containers or auto)"
                        : $"the harness cannot act on the target's {dependency}: name its container with {option} <name or id> (on this machine's Docker engine) to run the drill",
                };
            }
        }

        if (kind.Needs.HasFlag(GateNeeds.LatencyControl) && (request.Latency?.Describe(Targets.Dependency.Redis) is null || request.Latency.Describe(Targets.Dependency.Postgres) is null))
        {
            return new GateResult
            {
                Status = GateStatus.NotApplicable,
                Measured = kind.Measures,
                Threshold = threshold,
                Reason = request.TargetKind == Targets.TargetKind.Embedded
                    ? "the embedded target runs without Redis and Postgres here (--stores memory): the drill needs its containers (--stores containers or auto)"
                    : "the harness cannot slow the target's Redis and Postgres: name a command with --latency-command (run by /bin/sh with {dependency} = redis or postgres "
                        + "and {ms} = the added milliseconds, 0 to restore; for example tc netem in the dependency's container) to run the drill",
            };
        }

        if (kind.Needs.HasFlag(GateNeeds.Capture) && request.CapturePath is null && !spec.Parameters.Names.Contains("capture"))
        {
            return request.TargetKind == Targets.TargetKind.Embedded
                ? new GateResult
                {
                    Status = GateStatus.NotApplicable,
                    Measured = kind.Measures,
                    Threshold = threshold,
                    Reason = "the embedded reference has no real traffic, so there is no traffic to be ready: readiness is a question about your traffic; "
                        + "rehearse against your service with --capture <file> (this phase's conformance gates answered the other question)",
                }
                : GateResult.NotEvaluated(kind.Measures,
                    "traffic readiness needs replayed real traffic: pass --capture <file> (JSON lines of {method, path, body}) or set parameters.capture; synthetic traffic cannot answer it",
                    threshold);
        }

        return null;
    }
}
