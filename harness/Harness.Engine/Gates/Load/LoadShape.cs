using Scenarios.Catalogue;
using Scenarios.Engine;

namespace Harness.Engine.Gates.Load;

/// <summary>
/// The open-model load a load gate measures, in the catalogue's ramp-then-steady shape
/// (<see cref="ScenarioCatalogue.RampThenSteady"/>): a warm-up at half the rate (left out), a ramp
/// from 0 to the rate, a steady step.
/// </summary>
/// <param name="Rate">Arrival rate of the steady step, requests per second.</param>
/// <param name="RampSeconds">Seconds of the ramp (0: none).</param>
/// <param name="SteadySeconds">Seconds of the steady step.</param>
/// <param name="WarmupSeconds">Seconds of warm-up (0: none).</param>
public sealed record LoadShape(double Rate, double RampSeconds, double SteadySeconds, double WarmupSeconds)
{
    /// <summary>The steps, warm-up first.</summary>
    public IReadOnlyList<LoadStep> Steps => ScenarioCatalogue.RampThenSteady(Rate, RampSeconds, SteadySeconds, WarmupSeconds);
}
