using Harness.Engine.Gates;

namespace Harness.Engine.Verdicts;

/// <summary>
/// Contract section 11 and issue 3: GO when every blocking gate passes; NO-GO when any blocking
/// gate fails or was not evaluated; HOLD when some blocking gates are inconclusive and none fail.
/// Advisory gates are reported but never change the verdict; neither do gates that are not
/// applicable to the target. No blocking gate left at all is NO-GO: a phase is never passed by default.
/// </summary>
public static class VerdictRules
{
    /// <summary>The verdict over gates given as (blocking, status).</summary>
    public static Verdict Decide(IEnumerable<(bool Blocking, GateStatus Status)> gates)
    {
        ArgumentNullException.ThrowIfNull(gates);
        var blocking = gates.Where(g => g.Blocking && g.Status != GateStatus.NotApplicable).Select(g => g.Status).ToList();
        if (blocking.Count == 0 || blocking.Any(s => s is GateStatus.Fail or GateStatus.NotEvaluated))
        {
            return Verdict.NoGo;
        }

        return blocking.Any(s => s == GateStatus.Inconclusive) ? Verdict.Hold : Verdict.Go;
    }

    /// <summary>The process exit code of a verdict: 0 GO, 1 NO-GO, 2 HOLD.</summary>
    public static int ExitCode(this Verdict verdict) => verdict switch
    {
        Verdict.Go => 0,
        Verdict.NoGo => 1,
        Verdict.Hold => 2,
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, null),
    };

    /// <summary><c>GO</c>, <c>NO-GO</c> or <c>HOLD</c>.</summary>
    public static string ToDisplay(this Verdict verdict) => verdict switch
    {
        Verdict.Go => "GO",
        Verdict.NoGo => "NO-GO",
        Verdict.Hold => "HOLD",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, null),
    };
}
