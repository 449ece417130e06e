namespace Scenarios.Engine;

/// <summary>One step of a load profile. Warm-up steps are run and left out of the results.</summary>
public sealed record LoadStep(string Name, LoadModel Model, TimeSpan Duration, bool WarmUp = false);
