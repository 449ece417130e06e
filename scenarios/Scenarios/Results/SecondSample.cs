namespace Scenarios.Results;

/// <summary>One second of a step: answers completed in it, their p99 (microseconds), and the rate the schedule asked for.</summary>
public sealed record SecondSample(int Second, long Completed, long P99Micros, double TargetRate);
