using System.CommandLine;
using System.Text;
using Harness.Engine.Findings;
using Harness.Engine.Reports;

namespace Harness.Cli.Verbs;

/// <summary>
/// <c>rehearse findings accept --report &lt;dir|report.json&gt; --known-findings &lt;file&gt; --reason &lt;why&gt; [--gate &lt;id&gt;]</c>:
/// records the findings of a report's failing gates as reviewed and accepted, with the gates' values,
/// so that later runs with <c>--known-findings</c> fail only on new ones. The file is created when
/// missing and replaced atomically; a file that is not a known-findings file is refused and left as it was.
/// </summary>
public static class FindingsVerb
{
    /// <summary>The command.</summary>
    public static Command Build(VerbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var report = new Option<string>("--report") { Description = "A report directory or its report.json.", Required = true };
        var known = new Option<string>("--known-findings") { Description = "The known-findings file to add to (created when missing).", Required = true };
        var reason = new Option<string>("--reason") { Description = "Why the findings are accepted (who reviewed them, which ticket); kept with each finding.", Required = true };
        var gate = new Option<string?>("--gate") { Description = "Accept only this gate's findings; default every failing gate's." };
        var accept = new Command("accept", "Accept the findings of a report's failing gates into a known-findings file.") { report, known, reason, gate };
        accept.SetAction((parse, cancellationToken) => VerbRunner.RunAsync(context, async () =>
        {
            var why = parse.GetValue(reason)!;
            if (string.IsNullOrWhiteSpace(why))
            {
                return context.Fail(ExitCodes.HarnessOrUsageError, "--reason must say why the findings are accepted");
            }

            var reportPath = context.Resolve(parse.GetValue(report)!);
            if (Directory.Exists(reportPath))
            {
                reportPath = Path.Combine(reportPath, "report.json");
            }

            if (!File.Exists(reportPath))
            {
                return context.Fail(ExitCodes.HarnessOrUsageError, $"--report: no file '{reportPath}'");
            }

            var read = ReportJson.Read(await File.ReadAllTextAsync(reportPath, Encoding.UTF8, cancellationToken).ConfigureAwait(false), reportPath);
            var gateId = parse.GetValue(gate);
            if (gateId is not null && read.Gates.All(g => g.Id != gateId))
            {
                return context.Fail(ExitCodes.HarnessOrUsageError, $"--gate: the report has no gate '{gateId}' (it has: {string.Join(", ", read.Gates.Select(g => g.Id))})");
            }

            var knownPath = context.Resolve(parse.GetValue(known)!);
            var existing = File.Exists(knownPath) ? await KnownFindingsFile.ReadAsync(knownPath, cancellationToken).ConfigureAwait(false) : [];
            var (updated, added) = FindingsReview.Accept(read, existing, why, context.TimeProvider.GetUtcNow(), gateId);
            if (added.Count == 0)
            {
                return context.Fail(ExitCodes.HarnessOrUsageError, $"{reportPath}: no failing gate{(gateId is null ? "" : $" '{gateId}'")} with findings to accept; {knownPath} is unchanged");
            }

            await KnownFindingsFile.WriteAsync(knownPath, updated, cancellationToken).ConfigureAwait(false);
            foreach (var f in added)
            {
                context.Output.Out.WriteLine($"accepted {f.Gate} {f.Fingerprint} ({f.Occurrences}x): {f.Summary}");
            }

            context.Output.Out.WriteLine($"{added.Count} finding(s) accepted; {knownPath} holds {updated.Count}");
            return ExitCodes.Go;
        }, cancellationToken));
        return new Command("findings", "Manage the findings your team reviewed and accepted (--known-findings).") { accept };
    }
}
