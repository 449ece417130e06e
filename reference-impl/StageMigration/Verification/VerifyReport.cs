using StageMigration.Planning;

namespace StageMigration.Verification;

/// <summary>The report of <c>verify</c>.</summary>
public sealed record VerifyReport(long? RunId, string? RunStatus, long CompaniesRows, long StrategiesRows, IReadOnlyList<VerifyCheck> Checks, IReadOnlyList<PlannedMapping> Unmappable)
{
    /// <summary>True when every check passed.</summary>
    public bool Passed => Checks.All(c => c.Passed);
}
