using System.Globalization;
using Harness.Engine.Gates;
using Harness.Engine.Plans;
using Harness.Engine.Reports;

namespace Harness.Engine.Ledger;

/// <summary>
/// The ledger's rule (issue 13): a phase may be promoted only after a GO of the rung it requires
/// (<see cref="PhasePlan.RequiredRung"/>) for the same target, under the same plan, within the plan's
/// <see cref="PhasePlan.LedgerMaxAge"/>. Judged before the phase's gates and reported as a blocking
/// gate, so a missing rung makes the verdict NO-GO with that reason; <c>--force</c> with a reason
/// overrides it, and the override is reported and recorded.
/// </summary>
public static class RungCheck
{
    /// <summary>Id and kind of the gate this check is reported as.</summary>
    public const string GateId = "promotion-ledger";

    /// <summary>The check as a gate report.</summary>
    public static GateReport Evaluate(IReadOnlyList<LedgerEntry> entries, PhasePlan plan, Phase phase, string target, DateTimeOffset now, string? forceReason)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(phase);
        var required = plan.RequiredRung(phase);
        var maxAge = plan.LedgerMaxAge;
        var measured = required is null
            ? "no earlier rung required"
            : string.Create(CultureInfo.InvariantCulture, $"a GO of '{required.Name}' for {target} under this plan within {Age(maxAge)}");
        if (required is null)
        {
            return Report(GateStatus.Pass, measured, "", phase.Requires == Phase.NoRung ? $"phase '{phase.Name}' requires no earlier rung (requires: none)" : $"'{phase.Name}' is the first rung of the plan");
        }

        var runs = entries.Where(e => e.Target == target && e.Phase == required.Name).OrderByDescending(e => e.FinishedAt).ToList();
        var valid = ValidGo(entries, plan, required.Name, target, now);
        if (valid is not null)
        {
            return Report(GateStatus.Pass, measured, Describe(valid, now), $"'{required.Name}' was GO for {target} {Age(now - valid.FinishedAt)} ago ({valid.Report})");
        }

        var missing = $"missing rung: no GO of '{required.Name}' for {target} under this plan within {Age(maxAge)}; {Latest(runs, plan, now)}";
        return forceReason is null
            ? Report(GateStatus.Fail, measured, runs.Count == 0 ? "none" : Describe(runs[0], now), missing + $". Rehearse '{required.Name}' first, or override with --force --reason \"...\"")
            : Report(GateStatus.Pass, measured, runs.Count == 0 ? "none" : Describe(runs[0], now), $"overridden with --force: {forceReason} ({missing})");
    }

    /// <summary>The latest GO of <paramref name="phase"/> for <paramref name="target"/> that counts now (same plan, not older than its max age); null when none.</summary>
    public static LedgerEntry? ValidGo(IReadOnlyList<LedgerEntry> entries, PhasePlan plan, string phase, string target, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(plan);
        return entries.Where(e => e.Target == target && e.Phase == phase && e.Verdict == "GO" && e.PlanSha256 == plan.Sha256 && e.FinishedAt <= now && now - e.FinishedAt <= plan.LedgerMaxAge)
            .MaxBy(e => e.FinishedAt);
    }

    private static string Latest(List<LedgerEntry> runs, PhasePlan plan, DateTimeOffset now)
    {
        if (runs.Count == 0)
        {
            return "the ledger holds no run of it for this target";
        }

        var last = runs[0];
        return last.Verdict != "GO" ? $"its latest run was {last.Verdict} {Age(now - last.FinishedAt)} ago ({last.Report})"
            : last.PlanSha256 != plan.Sha256 ? $"its latest GO was under another plan (sha256 {last.PlanSha256[..Math.Min(12, last.PlanSha256.Length)]}, {last.PlanSource})"
            : last.FinishedAt > now ? $"its latest GO is dated in the future ({last.FinishedAt:u}): check the clocks"
            : $"its latest GO is {Age(now - last.FinishedAt)} old";
    }

    private static string Describe(LedgerEntry entry, DateTimeOffset now) =>
        string.Create(CultureInfo.InvariantCulture, $"{entry.Verdict} of '{entry.Phase}' at {entry.FinishedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss'Z'} ({Age(now - entry.FinishedAt)} ago), plan sha256 {entry.PlanSha256[..Math.Min(12, entry.PlanSha256.Length)]}, report {entry.Report}");

    /// <summary>A duration for people: <c>3 d 4 h</c>, <c>5 h 2 min</c>, <c>42 s</c>.</summary>
    public static string Age(TimeSpan age) =>
        age < TimeSpan.Zero ? "-" + Age(-age)
        : age.TotalDays >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalDays} d{(age.Hours > 0 ? $" {age.Hours} h" : "")}")
        : age.TotalHours >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalHours} h{(age.Minutes > 0 ? $" {age.Minutes} min" : "")}")
        : age.TotalMinutes >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalMinutes} min")
        : string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalSeconds} s");

    private static GateReport Report(GateStatus status, string measured, string actual, string reason) => new()
    {
        Id = GateId,
        Kind = GateId,
        Description = "the rung before this phase was GO for the same target (promotion ledger, --ledger)",
        Blocking = true,
        Implicit = true,
        Status = status,
        Measured = measured,
        Value = status == GateStatus.Pass ? 1 : 0,
        ValueText = status == GateStatus.Pass ? "present" : "missing",
        Threshold = "present",
        SampleSize = 1,
        Reason = reason,
        Evidence = actual.Length == 0 ? [] : [new Evidence("latest run of the required rung", "GO within the age, same plan", actual)],
        Parameters = NoParameters,
    };

    private static readonly System.Text.Json.JsonElement NoParameters = System.Text.Json.JsonDocument.Parse("{}").RootElement.Clone();
}
