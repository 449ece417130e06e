namespace Harness.Engine.Gates;

/// <summary>Stands in for a kind this harness version does not implement: always <see cref="GateStatus.NotEvaluated"/>.</summary>
public sealed class NotImplementedGate(string kind) : IGate
{
    /// <inheritdoc />
    public Task<GateResult> EvaluateAsync(GateContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Task.FromResult(GateResult.NotEvaluated(
            context.Spec.Description.Length > 0 ? context.Spec.Description : kind,
            $"gate kind '{kind}' is not implemented in this harness version",
            context.Spec.Threshold?.Text ?? ""));
    }
}
