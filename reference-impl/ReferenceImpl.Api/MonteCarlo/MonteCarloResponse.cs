using ReferenceImpl.Api.Validation;
using StageContract.Distributions;

namespace ReferenceImpl.Api.MonteCarlo;

/// <summary>Response of <c>POST /api/monte-carlo/simulate</c>.</summary>
public sealed record MonteCarloResponse(
    long FundId,
    int Runs,
    int Seed,
    IReadOnlyList<CanonicalWeight> StageDistribution,
    IReadOnlyList<IgnoredStage> IgnoredStages,
    MonteCarloResults Results);
