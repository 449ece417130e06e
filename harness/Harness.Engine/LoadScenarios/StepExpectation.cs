namespace Harness.Engine.LoadScenarios;

/// <summary>What the contract expects of one measured step's requests, for the step's headline measures.</summary>
/// <param name="Step">The step's name.</param>
/// <param name="Requests">Requests scheduled.</param>
/// <param name="Enforced">Of them, those the configuration decides in enforce (the bucket function).</param>
/// <param name="Flagged">Of them, those the contract flags as would-reject.</param>
public sealed record StepExpectation(string Step, int Requests, int Enforced, int Flagged);
