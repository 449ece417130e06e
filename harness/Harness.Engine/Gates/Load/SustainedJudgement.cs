namespace Harness.Engine.Gates.Load;

/// <summary>The sustained error rate's decision over one steady step.</summary>
/// <param name="Status">Pass, Fail or Inconclusive.</param>
/// <param name="Rate">Errors (dropped sends included) per trial.</param>
/// <param name="Text">The rate as people read it.</param>
/// <param name="Trials">Requests answered, failed or dropped.</param>
/// <param name="Reason">One line: the counts, the interval, the offered rate and the decision.</param>
/// <param name="Unreachable">True when requests were made and none was answered.</param>
public sealed record SustainedJudgement(GateStatus Status, double Rate, string Text, long Trials, string Reason, bool Unreachable);
