using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Harness.Engine.Gates;
using Harness.Engine.Plans;
using Harness.Engine.Rehearsals;
using Harness.Engine.Reports;
using Harness.Engine.Verdicts;
using Scenarios.Catalogue;
using StageContract;

namespace Harness.Engine.LoadScenarios;

/// <summary>
/// Runs a named load scenario (<see cref="ScenarioCatalogue"/>) on its own: each segment against a
/// target in the segment's configuration, each measured step judged (<see cref="SegmentChecks"/>),
/// and the whole written up as a rehearsal report, so that every report format and chart applies.
/// A segment the target cannot run (a URL target in another configuration) is NotApplicable, with
/// the reason; a scenario with no segment run is NO-GO, never a silent pass.
/// </summary>
public sealed class ScenarioRunner(ContractRules rules, TimeProvider timeProvider)
{
    /// <summary>Runs <paramref name="scenario"/>; <paramref name="ownConfiguration"/> stands for segments that use the target's own configuration.</summary>
    public async Task<RehearsalReport> RunAsync(ScenarioDefinition scenario, PhaseConfiguration ownConfiguration, IScenarioTargets targets,
        string targetKind, string targetAddress, int seed, IRehearsalObserver observer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(ownConfiguration);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(observer);
        var started = timeProvider.GetUtcNow();
        var reports = new List<GateReport>();
        for (var i = 0; i < scenario.Segments.Count; i++)
        {
            var segment = scenario.Segments[i];
            var configuration = segment.Configuration is { } c
                ? new PhaseConfiguration { Mode = c.Mode, EnforcementPercent = c.EnforcementPercent, DryRun = c.DryRun, EnforceWriteOnly = c.EnforceWriteOnly }
                : ownConfiguration;
            var spec = Spec(segment.Name, $"{segment.Name}: {configuration.Describe()}");
            observer.GateStarted(spec, i, scenario.Segments.Count);
            var clock = Stopwatch.StartNew();
            await using var target = await targets.AcquireAsync(configuration, seed, cancellationToken).ConfigureAwait(false);
            if (target.NotApplicable is { } why || target.Http is null)
            {
                var report = GateReport.From(spec, new GateResult
                {
                    Status = GateStatus.NotApplicable,
                    Measured = "the segment's answers under load",
                    Reason = target.NotApplicable ?? "no target",
                }, clock.Elapsed);
                reports.Add(report);
                observer.GateFinished(report, i, scenario.Segments.Count);
                continue;
            }

            var (result, expected) = await SegmentRun.RunAsync(target.Http, rules, configuration, segment, seed, cancellationToken).ConfigureAwait(false);
            var segmentReports = SegmentChecks.Judge(segment.Name, configuration, result, expected, rules.Data.Headers.Mode, rules.Data.Headers.WouldReject)
                .Select(check => GateReport.From(Spec(check.Id, check.Description), check.Result, clock.Elapsed)).ToList();
            reports.AddRange(segmentReports);
            foreach (var report in segmentReports)
            {
                observer.GateFinished(report, i, scenario.Segments.Count);
            }
        }

        var verdict = VerdictRules.Decide(reports.Select(r => (r.Decides(), r.Status)));
        var definition = JsonSerializer.Serialize(scenario);
        return new RehearsalReport
        {
            Phase = "scenario-" + scenario.Name,
            PhaseDescription = scenario.Description,
            Verdict = verdict,
            VerdictReason = VerdictReasons.Explain(verdict, reports),
            StartedAt = started,
            FinishedAt = timeProvider.GetUtcNow(),
            Seed = seed,
            Versions = HarnessVersions.For(rules),
            Target = new ReportTarget(targetKind, targetAddress, null),
            Plan = new ReportPlan($"scenario catalogue: {scenario.Name}", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(definition))), 1),
            Configuration = scenario.Segments[0].Configuration is { } first
                ? new PhaseConfiguration { Mode = first.Mode, EnforcementPercent = first.EnforcementPercent, DryRun = first.DryRun, EnforceWriteOnly = first.EnforceWriteOnly }
                : ownConfiguration,
            Gates = reports,
        };
    }

    private static GateSpec Spec(string id, string description) => new()
    {
        Id = new string([.. id.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' ? c : '-')]),
        Kind = "scenario-check",
        Description = description,
    };
}
