using System.Globalization;
using System.Text;
using Harness.Engine.Gates;
using Harness.Engine.Plans;
using Harness.Engine.Verdicts;

namespace Harness.Engine.Reports.Kit;

/// <summary>
/// <c>runbook.md</c>: how to promote to the rehearsed phase and how to roll it back, step by step, for
/// this phase's configuration: the environment settings, the mode API calls, the migration rollback
/// when the phase has migration gates, and which alerts page or downgrade on their own. A pure
/// function of the report model, like the other writers.
/// </summary>
public static class RunbookWriter
{
    /// <summary>The runbook as Markdown.</summary>
    public static string Write(RehearsalReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var phase = MarkdownReportWriter.Cell(report.Phase);
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"# Runbook: {phase}\n\n");
        if (report.PhaseDescription.Length > 0)
        {
            md.Append(MarkdownReportWriter.Cell(report.PhaseDescription)).Append("\n\n");
        }

        md.Append(CultureInfo.InvariantCulture,
            $"Written from the rehearsal of {Time(report.StartedAt)} against {MarkdownReportWriter.Cell(report.Target.Kind)} `{MarkdownReportWriter.Cell(report.Target.BaseAddress)}` (plan {MarkdownReportWriter.Cell(report.Plan.Source)}, sha256 `{report.Plan.Sha256[..Math.Min(12, report.Plan.Sha256.Length)]}`, seed {report.Seed}); the evidence is in [report.md](report.md).\n\n");
        md.Append(CultureInfo.InvariantCulture,
            $"The commands read `SERVICE_URL` (the service's base URL; rehearsed: `{MarkdownReportWriter.Cell(report.Target.BaseAddress)}`), `OPS_TOKEN` (the bearer token of the ops API){(HasMigration(report) ? " and `STAGE_DATABASE_URL` (the service's Postgres)" : "")} from the environment.\n\n");
        Verdict(md, report);
        Promote(md, report);
        Rollback(md, report);
        Alerts(md);
        return md.ToString();
    }

    private static void Verdict(StringBuilder md, RehearsalReport report)
    {
        md.Append(CultureInfo.InvariantCulture, $"**Verdict: {VerdictRules.ToDisplay(report.Verdict)}.** ");
        var open = report.Gates.Where(g => g.Decides() && g.Status != GateStatus.Pass && g.Status != GateStatus.NotApplicable).ToList();
        if (report.Verdict == Verdicts.Verdict.Go)
        {
            var accepted = report.Gates.Where(g => g.Accepted).ToList();
            md.Append(accepted.Count == 0
                ? "Every blocking gate passed: the phase may be promoted with the steps below.\n\n"
                : $"Every blocking gate passed, except {string.Join(", ", accepted.Select(g => $"`{MarkdownReportWriter.Cell(g.Id)}`"))}, which failed only on findings your team accepted (see the report's known findings): the phase may be promoted with the steps below.\n\n");
            return;
        }

        md.Append("**Do not promote.** Blocking gates that did not pass:\n\n");
        foreach (var gate in open)
        {
            md.Append(CultureInfo.InvariantCulture, $"- `{MarkdownReportWriter.Cell(gate.Id)}`: {gate.Status}: {MarkdownReportWriter.Cell(gate.Reason)}\n");
        }

        md.Append('\n');
    }

    private static void Promote(StringBuilder md, RehearsalReport report)
    {
        var configuration = report.Configuration;
        md.Append(CultureInfo.InvariantCulture, $"## Promote to {MarkdownReportWriter.Cell(report.Phase)}\n\n");
        md.Append("1. Deploy every instance with these settings (contract section 3):\n\n");
        Block(md, PhaseSettings.Environment(configuration));
        md.Append(configuration.Overrides.Count == 0
            ? "   No per-endpoint overrides.\n\n"
            : "   Per-endpoint overrides (route template: mode), in the service's configuration: "
              + string.Join(", ", configuration.Overrides.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"`{MarkdownReportWriter.Cell(o.Key)}`: {MarkdownReportWriter.Cell(o.Value)}")) + ".\n\n");
        md.Append("2. The mode store's global mode wins over `STAGE_VALIDATION_MODE` once it was written. Set it to this phase's mode:\n\n");
        Block(md, [SetMode(configuration.Mode, $"promote to {report.Phase}")]);
        md.Append("3. Check that every instance reports the phase (the mode cache is 5 s):\n\n");
        Block(md, ["curl -fsS \"$SERVICE_URL/api/deprecations\""]);
        md.Append(CultureInfo.InvariantCulture, $"   It must report {MarkdownReportWriter.Cell(configuration.Describe())}.\n\n");
        var watched = report.Gates.Where(g => g.Blocking && g.Threshold.Length > 0).ToList();
        if (watched.Count > 0)
        {
            md.Append("4. Keep watching what this rehearsal held the phase to:\n\n");
            foreach (var gate in watched)
            {
                md.Append(CultureInfo.InvariantCulture, $"   - `{MarkdownReportWriter.Cell(gate.Id)}`: {MarkdownReportWriter.Cell(gate.Measured)} {MarkdownReportWriter.Cell(gate.Threshold)} (rehearsed: {MarkdownReportWriter.Cell(gate.ValueText)})\n");
            }

            md.Append('\n');
        }

        md.Append(report.Ladder switch
        {
            null => NotAPhase + " Rehearse the phase itself (`rehearse --phase ...`) before promoting.\n\n",
            { Next: { } next } => $"Next rung: **{MarkdownReportWriter.Cell(next.Phase)}** ({MarkdownReportWriter.Cell(next.Configuration.Describe())}). Rehearse it before promoting: `rehearse --phase {PhaseSettings.ShellQuote(next.Phase)} --target \"$SERVICE_URL\"`.\n\n",
            _ => "This is the last rung of the plan.\n\n",
        });
    }

    private static void Rollback(StringBuilder md, RehearsalReport report)
    {
        var configuration = report.Configuration;
        md.Append(CultureInfo.InvariantCulture, $"## Roll back {MarkdownReportWriter.Cell(report.Phase)}\n\n");
        var step = 1;
        if (PhaseSettings.KillSwitch(configuration) is { } kill)
        {
            md.Append(CultureInfo.InvariantCulture, $"{step++}. At once, without a deploy: set the global mode to `{kill.Mode}` ({kill.Why}). Every instance follows within the 5 s mode cache:\n\n");
            Block(md, [SetMode(kill.Mode, $"roll back {report.Phase}")]);
        }
        else
        {
            md.Append(CultureInfo.InvariantCulture, $"{step++}. This configuration rejects nothing and sends no headers: there is no mode to lower.\n\n");
        }

        if (PhaseSettings.EnforcingOverrides(configuration) is { Count: > 0 } enforcing)
        {
            md.Append(CultureInfo.InvariantCulture,
                $"{step++}. The mode store does not reach per-endpoint overrides: {string.Join(", ", enforcing.Select(r => $"`{MarkdownReportWriter.Cell(r)}`"))} keep enforcing until they are removed from the configuration and the service is redeployed.\n\n");
        }

        if (report.Ladder?.Previous is { } previous)
        {
            md.Append(CultureInfo.InvariantCulture, $"{step++}. Return to the previous rung, **{MarkdownReportWriter.Cell(previous.Phase)}** ({MarkdownReportWriter.Cell(previous.Configuration.Describe())}): deploy with\n\n");
            Block(md, PhaseSettings.Environment(previous.Configuration));
            md.Append("   and set its global mode:\n\n");
            Block(md, [SetMode(previous.Configuration.Mode, $"back to {previous.Phase}")]);
        }
        else
        {
            md.Append(CultureInfo.InvariantCulture, $"{step++}. {(report.Ladder is null ? NotAPhase : "This is the first rung of the plan.")} Return to the configuration the service had before.\n\n");
        }

        if (HasMigration(report))
        {
            md.Append(CultureInfo.InvariantCulture, $"{step++}. Only if the data migration of this phase must be undone too (it is not needed to stop rejections): restore the newest run from the audit log, then check. `rollback` exits 6 and lists rows written since the migration, which it leaves as they are. The rehearsal's migration plan and verify results are in `artifacts/` beside this runbook (`migration-plan.json`, `migration-verify.json`).\n\n");
            Block(md, ["stage-migrate rollback --database \"$STAGE_DATABASE_URL\"", "stage-migrate verify --database \"$STAGE_DATABASE_URL\" --out verify.json"]);
        }

        md.Append(CultureInfo.InvariantCulture, $"{step}. Record the rollback (who, when, why) and rehearse the phase again before the next promotion.\n\n");
    }

    private static void Alerts(StringBuilder md)
    {
        md.Append("## What pages, and what acts on its own\n\n");
        md.Append("The shipped rules (`observability/stage-validation.rules.yml`). An alert labelled `rollout_action: downgrade` is routed by Alertmanager to `POST /_ops/stage-validation/auto-downgrade`, which sets the global mode to `warn` without anyone acting: after the cause is fixed, restore the phase's mode with step 2 of the promotion.\n\n");
        md.Append("| alert | severity | on firing | summary |\n| --- | --- | --- | --- |\n");
        foreach (var alert in AlertRoute.Shipped)
        {
            var who = alert.Severity switch { "page" => "pages on-call", "ticket" => "opens a ticket", "" => "(no severity)", var other => MarkdownReportWriter.Cell(other) };
            md.Append(CultureInfo.InvariantCulture,
                $"| `{MarkdownReportWriter.Cell(alert.Alert)}` | {MarkdownReportWriter.Cell(alert.Severity)} | {who}{(alert.Downgrades ? "; downgrades the mode to warn" : "")} | {MarkdownReportWriter.Cell(alert.Summary)} |\n");
        }
    }

    private const string NotAPhase = "This report is not of a plan phase (a load scenario, or merged load shards), so the rungs around it are not known here.";

    private static bool HasMigration(RehearsalReport report) => report.Gates.Any(g => g.Kind is GateKinds.MigrationRehearsal or GateKinds.MigrationVerify);

    private static string SetMode(string mode, string reason) =>
        $"curl -fsS -X PUT \"$SERVICE_URL/_ops/stage-validation/mode\" -H \"Authorization: Bearer $OPS_TOKEN\" -H 'Content-Type: application/json' -d {PhaseSettings.ShellQuote($"{{\"mode\":\"{mode}\",\"reason\":{System.Text.Json.JsonSerializer.Serialize(reason)}}}")}";

    private static void Block(StringBuilder md, IEnumerable<string> lines)
    {
        md.Append("   ```sh\n");
        foreach (var line in lines)
        {
            md.Append("   ").Append(line.ReplaceLineEndings(" ")).Append('\n');
        }

        md.Append("   ```\n\n");
    }

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture);
}
