namespace ReferenceImpl.Api.MonteCarlo;

/// <summary>The <c>results</c> member of a simulation response.</summary>
public sealed record MonteCarloResults(IReadOnlyList<StageTrials> Stages, MultipleSummary Multiples);
