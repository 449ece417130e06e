namespace Harness.Engine.Requests;

/// <summary>Ids of resources the harness created so that PUT and PATCH have something to update.</summary>
/// <param name="StrategyId">A strategy id, or null when none could be created.</param>
/// <param name="AllocationId">An allocation id, or null when none could be created.</param>
public sealed record ResourceIds(string? StrategyId, string? AllocationId)
{
    /// <summary>No resources.</summary>
    public static ResourceIds None { get; } = new(null, null);
}
