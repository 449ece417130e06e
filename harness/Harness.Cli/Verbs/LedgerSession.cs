using Harness.Engine.Gates;
using Harness.Engine.Ledger;
using Harness.Engine.Plans;
using Harness.Engine.Reports;
using Harness.Engine.Verdicts;

namespace Harness.Cli.Verbs;

/// <summary>
/// <c>--ledger</c>, <c>--force</c> and <c>--reason</c> of <c>rehearse --phase</c>: the rung check before
/// the run (<see cref="RungCheck"/>) and the verdict appended after it. A ledger that cannot be read
/// stops the rehearsal before the target is touched (exit 3), and is never overwritten.
/// </summary>
public static class LedgerSession
{
    /// <summary>The ledger file and the override reason, if any.</summary>
    public sealed record Choice(string Path, string? ForceReason);

    /// <summary>What the options chose, or why they cannot be used.</summary>
    public static Choice? Choose(VerbContext context, string? ledger, bool force, string? reason, out string? error)
    {
        ArgumentNullException.ThrowIfNull(context);
        error = (ledger, force, reason) switch
        {
            (null, true, _) => "--force overrides the promotion ledger's rung check: give --ledger <file>",
            (null, _, not null) => "--reason goes with --force and --ledger",
            (not null, true, null or "") => "--force needs --reason \"why the missing rung is overridden\" (it is recorded in the ledger and the report)",
            (not null, false, not null) => "--reason goes with --force",
            ({ Length: 0 }, _, _) => "--ledger needs a file path",
            _ => null,
        };
        if (error is not null || ledger is null)
        {
            return null;
        }

        var path = context.Resolve(ledger);
        if (Directory.Exists(path))
        {
            error = $"--ledger: '{path}' is a directory; give the ledger's file (created when missing)";
            return null;
        }

        return new Choice(path, force ? reason!.ReplaceLineEndings(" ") : null);
    }

    /// <summary>Reads the ledger and judges the rung; an unreadable ledger is an error line.</summary>
    public static async Task<(GateReport? Gate, string? Error)> CheckAsync(Choice choice, PhasePlan plan, Phase phase, string target, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(choice);
        if (TargetIdentity.Of(target) is not { } identity)
        {
            return (null, $"--target must be 'embedded' or an absolute http(s) URL, got '{target}'");
        }

        try
        {
            var entries = await LedgerFile.ReadAsync(choice.Path, cancellationToken).ConfigureAwait(false);
            return (RungCheck.Evaluate(entries, plan, phase, identity, now, choice.ForceReason), null);
        }
        catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
        {
            return (null, $"--ledger: {e.Message.Split('\n')[0]} (the file is left as it is)");
        }
    }

    /// <summary>Appends the verdict; a failure to write is reported, and the verdict still stands.</summary>
    public static async Task RecordAsync(VerbContext context, Choice choice, RehearsalReport report, string target, string reportDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(choice);
        ArgumentNullException.ThrowIfNull(report);
        var overridden = report.Gates.FirstOrDefault(g => g.Id == RungCheck.GateId)?.Reason.StartsWith("overridden", StringComparison.Ordinal) == true ? choice.ForceReason : null;
        var entry = new LedgerEntry(TargetIdentity.Of(target)!, report.Phase, report.Plan.Sha256, report.Plan.Source, report.Verdict.ToDisplay(),
            report.StartedAt, report.FinishedAt, Path.GetFullPath(reportDirectory), overridden, report.Versions.Harness);
        try
        {
            await LedgerFile.AppendAsync(choice.Path, entry, cancellationToken).ConfigureAwait(false);
            context.Output.Out.WriteLine($"ledger: {entry.Verdict} of {entry.Phase} for {entry.Target} appended to {choice.Path}");
        }
        catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
        {
            context.Output.Error.WriteLine($"rehearse: the verdict was not appended to the ledger: {e.Message.Split('\n')[0]}");
        }
    }
}
