using Harness.Engine.Gates;
using Harness.Engine.Reports;

namespace Harness.Engine.Verdicts;

/// <summary>One line that says why a verdict came out as it did.</summary>
public static class VerdictReasons
{
    /// <summary>For example <c>NO-GO: blocking gate 'configuration' failed (mode: phase expects warn, target has enforce)</c>.</summary>
    public static string Explain(Verdict verdict, IReadOnlyList<GateReport> gates)
    {
        ArgumentNullException.ThrowIfNull(gates);
        var notApplicable = gates.Where(g => g.Status == GateStatus.NotApplicable).ToList();
        var blocking = gates.Where(g => g.Decides() && g.Status != GateStatus.NotApplicable).ToList();
        var accepted = gates.Where(g => g.Accepted).ToList();
        var advisory = gates.Count(g => !g.Blocking && g.Status != GateStatus.NotApplicable);
        var advisoryNote = (advisory == 0 ? "" : $"; {advisory} advisory gate(s) reported but not deciding ({gates.Count(g => !g.Blocking && g.Status is not (GateStatus.Pass or GateStatus.NotApplicable))} not passing)")
            + (notApplicable.Count == 0 ? "" : $"; not applicable to this target: {string.Join(", ", notApplicable.Select(g => $"'{g.Id}'"))}")
            + (accepted.Count == 0 ? "" : $"; failing only on accepted known findings, so not deciding: {string.Join(", ", accepted.Select(g => $"'{g.Id}'"))}");
        return verdict switch
        {
            Verdict.Go => $"all {blocking.Count} blocking gate(s) passed{advisoryNote}",
            Verdict.Hold => $"no blocking gate failed, but {string.Join(", ", blocking.Where(g => g.Status == GateStatus.Inconclusive).Select(g => $"'{g.Id}'"))} inconclusive{advisoryNote}",
            _ when blocking.Count == 0 => "no blocking gate: a phase is never passed by default",
            _ => string.Join("; ", blocking.Where(g => g.Status is GateStatus.Fail or GateStatus.NotEvaluated)
                .Select(g => $"blocking gate '{g.Id}' {(g.Status == GateStatus.Fail ? "failed" : "was not evaluated")} ({g.Reason})")) + advisoryNote,
        };
    }
}
