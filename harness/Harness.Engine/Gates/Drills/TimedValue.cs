namespace Harness.Engine.Gates.Drills;

/// <summary>A value observed during a drill, at seconds from the start of its load.</summary>
/// <param name="At">Seconds from the start of the load.</param>
/// <param name="Value">The value (a counter's sum, a status code; 0 for no answer).</param>
public readonly record struct TimedValue(double At, double Value);
