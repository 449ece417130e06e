namespace ReferenceImpl.Api.Allocations;

/// <summary>
/// A stored reserve allocation. Invariants (from the seeds): every amount >= 0; the items sum to
/// <see cref="Total"/>; the total is at most fund size x reserve ratio. Items with an unknown stage
/// (served outside enforce) keep their raw stage and amount, count in the total, and are left out
/// of <see cref="ByStage"/>, summed in <see cref="UnclassifiedAmount"/> instead.
/// </summary>
public sealed record Allocation(string Id, long FundId, IReadOnlyList<AllocationItem> Items, decimal Total,
    IReadOnlyDictionary<string, decimal> ByStage, decimal UnclassifiedAmount);
