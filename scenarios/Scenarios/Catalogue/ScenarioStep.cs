using Scenarios.Engine;

namespace Scenarios.Catalogue;

/// <summary>A load step and the traffic it sends.</summary>
/// <param name="Load">Arrival model and duration (a warm-up step is run and left out of the results).</param>
/// <param name="Mix">The requests.</param>
public sealed record ScenarioStep(LoadStep Load, TrafficMix Mix);
