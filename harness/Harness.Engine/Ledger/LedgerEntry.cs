namespace Harness.Engine.Ledger;

/// <summary>One verdict in the promotion ledger.</summary>
/// <param name="Target">The target's identity (<see cref="TargetIdentity.Of"/>): <c>embedded</c> or its normalized base URL.</param>
/// <param name="Phase">The phase rehearsed.</param>
/// <param name="PlanSha256">SHA-256 of the plan text: a GO counts only under the same plan.</param>
/// <param name="PlanSource"><c>built-in</c> or the plan file, for people.</param>
/// <param name="Verdict"><c>GO</c>, <c>NO-GO</c> or <c>HOLD</c>.</param>
/// <param name="StartedAt">When the rehearsal started (UTC).</param>
/// <param name="FinishedAt">When it finished (UTC); the age of a GO counts from here.</param>
/// <param name="Report">The report directory.</param>
/// <param name="Override">With <c>--force</c>: why the missing rung was overridden; null otherwise.</param>
/// <param name="Harness">The harness version that wrote the entry.</param>
public sealed record LedgerEntry(
    string Target, string Phase, string PlanSha256, string PlanSource, string Verdict,
    DateTimeOffset StartedAt, DateTimeOffset FinishedAt, string Report, string? Override, string Harness);
