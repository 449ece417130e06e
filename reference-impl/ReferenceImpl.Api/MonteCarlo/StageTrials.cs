namespace ReferenceImpl.Api.MonteCarlo;

/// <summary>Trials drawn for one stage and the outcome percentiles among them.</summary>
public sealed record StageTrials(string Stage, int Trials, double P50Multiple, double P90Multiple);
