namespace StageMigration.Verification;

/// <summary>One invariant and whether it holds.</summary>
/// <param name="Name">Stable name of the check.</param>
/// <param name="Passed">True when it holds.</param>
/// <param name="Detail">What was measured.</param>
/// <param name="Offenders">Up to 20 offending rows (table:id), for the report.</param>
public sealed record VerifyCheck(string Name, bool Passed, string Detail, IReadOnlyList<string> Offenders);
