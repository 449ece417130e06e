namespace Scenarios.Catalogue;

/// <summary>How hard and how long a catalogue scenario runs.</summary>
/// <param name="Rate">Arrival rate of each measured step, requests per second; default 200.</param>
/// <param name="StepSeconds">Length of each measured step; default 5 s (the soak runs 12 of them in one step).</param>
/// <param name="WarmupSeconds">Warm-up before each segment, at half the rate, left out of the results; default 1 s.</param>
public sealed record ScenarioSettings(double Rate = 200, double StepSeconds = 5, double WarmupSeconds = 1)
{
    /// <summary>The defaults.</summary>
    public static ScenarioSettings Default { get; } = new();
}
