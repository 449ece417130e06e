using Harness.Engine.Reports;

namespace Harness.Engine.Sharding;

/// <summary>What merging shard files came to: a report of the load gates judged on the merged result, or why the files cannot be merged exactly.</summary>
/// <param name="Report">The report; null when refused.</param>
/// <param name="Refusal">One line naming what cannot be merged; null when merged.</param>
public sealed record ShardMergeOutcome(RehearsalReport? Report, string? Refusal)
{
    /// <summary>A merge refused for <paramref name="reason"/>.</summary>
    public static ShardMergeOutcome Refused(string reason) => new(null, reason);
}
