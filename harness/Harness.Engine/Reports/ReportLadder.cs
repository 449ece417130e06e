namespace Harness.Engine.Reports;

/// <summary>
/// Where the rehearsed phase stands in its plan: the rung before it (what a rollback returns to)
/// and the rung after it (what to rehearse next). Either is null at an end of the plan.
/// </summary>
/// <param name="Previous">The phase before, in the plan's order; null for the first.</param>
/// <param name="Next">The phase after; null for the last.</param>
public sealed record ReportLadder(ReportRung? Previous, ReportRung? Next)
{
    /// <summary>The ladder around <paramref name="phase"/> in <paramref name="plan"/>; null when the phase is not one of the plan's.</summary>
    public static ReportLadder? Around(Plans.PhasePlan plan, string phase)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var phases = plan.Phases;
        var index = phases.ToList().FindIndex(p => string.Equals(p.Name, phase, StringComparison.Ordinal));
        if (index < 0)
        {
            return null;
        }

        return new ReportLadder(index > 0 ? Rung(phases[index - 1]) : null, index + 1 < phases.Count ? Rung(phases[index + 1]) : null);
    }

    private static ReportRung Rung(Plans.Phase phase) => new(phase.Name, phase.Description, phase.Configuration);
}
