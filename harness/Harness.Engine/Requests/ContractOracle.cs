using StageContract;
using StageContract.Endpoints;
using StageContract.Modes;
using StageContract.Normalization;
using StageContract.Outcomes;
using StageContract.Problems;

namespace Harness.Engine.Requests;

/// <summary>
/// The contract's answer to a generated request (sections 2-5), computed with the shared
/// <see cref="ContractRules"/>: the mode decision, the outcome table, and the status rules.
/// </summary>
public sealed class ContractOracle(ContractRules rules, ModeSettings settings)
{
    /// <summary>The expectation for one request.</summary>
    public Expectation Expect(StageRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var endpoint = request.Endpoint;
        var mode = rules.Decider.Decide(settings, endpoint.Method, endpoint.Route, request.RequestId);
        var normalized = request.Stages.Select(s => rules.Normalizer.Normalize(s)).ToList();
        var unknown = normalized.Where(n => !n.IsKnown).Select(n => n.Raw).ToList();
        var usedAlias = normalized.Any(n => n.Kind == StageKind.Alias);
        var result = OutcomeTable.Classify(mode, unknown.Count > 0, usedAlias);
        var distribution = endpoint.InputType is StageInputType.Array or StageInputType.Object;
        var rejection = result == ValidationResult.Reject ? StageRejection.For(endpoint.InputType) : null;
        (int? Status, string? Code) answer = rejection is not null ? (rejection.Status, rejection.Code)
            : distribution && unknown.Count == normalized.Count ? (422, ProblemCodes.NoKnownStages)
            : (null, null);
        return new Expectation(mode, result, answer.Status, answer.Code, unknown);
    }
}
