namespace ReferenceImpl.Api.MonteCarlo;

/// <summary>Outcome multiples over all trials.</summary>
public sealed record MultipleSummary(double Mean, double P10, double P50, double P90, double P99);
