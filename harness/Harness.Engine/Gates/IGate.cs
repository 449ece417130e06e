namespace Harness.Engine.Gates;

/// <summary>
/// A check that decides part of a phase. Implementations return a <see cref="GateResult"/> for
/// every expected outcome (including a target that cannot be reached) and throw only for bugs;
/// the runner still turns an exception into <see cref="GateStatus.NotEvaluated"/>.
/// </summary>
public interface IGate
{
    /// <summary>Runs the gate against the target in <paramref name="context"/>.</summary>
    Task<GateResult> EvaluateAsync(GateContext context, CancellationToken cancellationToken);
}
