namespace Harness.Engine.LoadScenarios;

/// <summary>What the contract expects of one measured step's requests, for the step's headline measures.</summary>
/// <param name="Step">The step's name.</param>
/// <param name="Requests">Requests scheduled.</param>
/// <param name="Enforced">Of them, those the configuration decides in enforce (the bucket function).</param>
/// <param name="Flagged">Of them, those the contract flags as would-reject.</param>
/// <param name="Unknown">Of them, those with at least one unknown stage (the contract's unknown rate: result pass, warn, would_reject or reject).</param>
/// <param name="PayloadErrors">Of them, those the contract answers with an error that is not an enforce rejection of a stage (a payload error, <c>NO_KNOWN_STAGES</c>).</param>
public sealed record StepExpectation(string Step, int Requests, int Enforced, int Flagged, int Unknown = 0, int PayloadErrors = 0);
