using ReferenceImpl.Api.Validation;

namespace ReferenceImpl.Api.Strategies;

/// <summary>A stored strategy: the allocation normalized (canonical, merged, rescaled); ignored unknown entries kept beside it.</summary>
public sealed record Strategy(string Id, long FundId, string Name, IReadOnlyDictionary<string, double> StageAllocation, IReadOnlyList<IgnoredStage> IgnoredStages);
