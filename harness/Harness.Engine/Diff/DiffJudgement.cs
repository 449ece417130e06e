using Harness.Engine.Gates;

namespace Harness.Engine.Diff;

/// <summary>The share of requests with a counted difference, judged against the threshold.</summary>
/// <param name="Status">Pass, Fail or Inconclusive (never NotEvaluated: without answers the diff stops before judging).</param>
/// <param name="Compared">Requests answered by the primary and compared.</param>
/// <param name="Differing">Compared requests with at least one counted difference.</param>
/// <param name="Low">Lower end of the Wilson score interval of the share.</param>
/// <param name="High">Upper end of the interval.</param>
/// <param name="Reason">One line that says why.</param>
public sealed record DiffJudgement(GateStatus Status, int Compared, int Differing, double Low, double High, string Reason)
{
    /// <summary>The share of compared requests with a counted difference.</summary>
    public double Share => Compared == 0 ? 0 : (double)Differing / Compared;
}
