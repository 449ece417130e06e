using System.CommandLine;
using Harness.Engine.Gates;
using Harness.Engine.Ledger;

namespace Harness.Cli.Verbs;

/// <summary>
/// <c>rehearse status --ledger &lt;file&gt; --target &lt;url&gt; [--plan &lt;file&gt;]</c>: the ladder of one target
/// from the promotion ledger: per phase of the plan its latest verdict, when, with which report,
/// whether it counts as a passed rung now, and which phase comes next.
/// </summary>
public static class StatusVerb
{
    /// <summary>The command.</summary>
    public static Command Build(VerbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var ledger = new Option<string>("--ledger") { Description = "The promotion ledger (JSON file written by 'rehearse --ledger').", Required = true };
        var target = new Option<string>("--target") { Description = "'embedded' or the target's base URL, as given to 'rehearse --target'.", Required = true };
        var plan = new Option<string?>("--plan") { Description = "A YAML phase plan; default the built-in plan." };
        var command = new Command("status", "Show a target's promotion ladder from the ledger: which rungs passed, when, with which report, and what comes next.") { ledger, target, plan };
        command.SetAction((parse, cancellationToken) => VerbRunner.RunAsync(context, async () =>
        {
            var targetText = parse.GetValue(target)!;
            if (TargetIdentity.Of(targetText) is not { } identity)
            {
                return context.Fail(ExitCodes.HarnessOrUsageError, $"--target must be 'embedded' or an absolute http(s) URL, got '{targetText}'");
            }

            var path = context.Resolve(parse.GetValue(ledger)!);
            if (!File.Exists(path))
            {
                return context.Fail(ExitCodes.HarnessOrUsageError, $"--ledger: no file '{path}'");
            }

            IReadOnlyList<LedgerEntry> entries;
            try
            {
                entries = await LedgerFile.ReadAsync(path, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
            {
                return context.Fail(ExitCodes.HarnessOrUsageError, $"--ledger: {e.Message.Split('\n')[0]}");
            }

            var loaded = RehearseVerb.LoadPlan(context, parse.GetValue(plan));
            var now = context.TimeProvider.GetUtcNow();
            var o = context.Output.Out;
            o.WriteLine($"ladder of {identity} in {path} (plan {loaded.Source}, sha256 {loaded.Sha256[..12]}, a GO counts for {RungCheck.Age(loaded.LedgerMaxAge)})");
            string? next = null;
            foreach (var phase in loaded.Phases)
            {
                var runs = entries.Where(e => e.Target == identity && e.Phase == phase.Name).OrderByDescending(e => e.FinishedAt).ToList();
                var counts = RungCheck.ValidGo(entries, loaded, phase.Name, identity, now) is not null;
                var latest = runs.Count == 0 ? "never rehearsed"
                    : $"{runs[0].Verdict} {RungCheck.Age(now - runs[0].FinishedAt)} ago{(runs[0].Override is { } why ? $" (forced: {why})" : "")}{(runs[0].PlanSha256 != loaded.Sha256 ? " (another plan)" : "")}, report {runs[0].Report}";
                o.WriteLine($"  {(counts ? "passed " : "open   ")} {phase.Name,-16} {latest}");
                if (!counts && next is null)
                {
                    next = phase.Name;
                    var check = RungCheck.Evaluate(entries, loaded, phase, identity, now, null);
                    o.WriteLine($"           next: rehearse {phase.Name}{(check.Status == GateStatus.Pass ? "" : $" (blocked: {check.Reason})")}");
                }
            }

            o.WriteLine(next is null ? "every rung passed" : $"next rung: {next}");
            return ExitCodes.Go;
        }, cancellationToken));
        return command;
    }
}
