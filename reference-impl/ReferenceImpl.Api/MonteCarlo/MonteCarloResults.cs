namespace ReferenceImpl.Api.MonteCarlo;

/// <summary>The <c>results</c> member of a simulation response.</summary>
public sealed record MonteCarloResults(IReadOnlyList<StageTrials> Stages, MultipleSummary Multiples);

/// <summary>Trials drawn for one stage and the outcome percentiles among them.</summary>
public sealed record StageTrials(string Stage, int Trials, double P50Multiple, double P90Multiple);

/// <summary>Outcome multiples over all trials.</summary>
public sealed record MultipleSummary(double Mean, double P10, double P50, double P90, double P99);
