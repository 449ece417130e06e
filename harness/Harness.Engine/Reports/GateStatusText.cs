using Harness.Engine.Gates;

namespace Harness.Engine.Reports;

/// <summary>How statuses read in the human reports.</summary>
public static class GateStatusText
{
    /// <summary>A symbol per status for Markdown (ASCII fallbacks are in the text next to it).</summary>
    public static string Icon(GateStatus status) => status switch
    {
        GateStatus.Pass => "✅",
        GateStatus.Fail => "❌",
        GateStatus.Inconclusive => "⏸️",
        GateStatus.NotApplicable => "➖",
        _ => "⚪",
    };

    /// <summary><c>Pass</c>, <c>Fail</c>, <c>Inconclusive</c>, <c>Not evaluated</c>, with <c>(advisory)</c> when it does not decide.</summary>
    public static string Label(GateReport gate)
    {
        ArgumentNullException.ThrowIfNull(gate);
        var text = gate.Status switch
        {
            GateStatus.NotEvaluated => "Not evaluated",
            GateStatus.NotApplicable => "Not applicable",
            _ => gate.Status.ToString(),
        };
        return gate.Accepted ? text + " (accepted findings)" : gate.Blocking ? text : text + " (advisory)";
    }

    /// <summary>Banner symbol of a verdict.</summary>
    public static string Icon(Verdicts.Verdict verdict) => verdict switch
    {
        Verdicts.Verdict.Go => "✅",
        Verdicts.Verdict.Hold => "⏸️",
        _ => "⛔",
    };
}
