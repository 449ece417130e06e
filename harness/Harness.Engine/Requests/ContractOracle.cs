using StageContract;
using StageContract.Modes;
using StageContract.Outcomes;

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
        var mode = rules.Decider.Decide(settings, endpoint.Method, endpoint.RouteTemplate, request.RequestId);
        var normalized = request.Stages.Select(s => rules.Normalizer.Normalize(s)).ToList();
        var unknown = normalized.Where(n => !n.IsKnown).Select(n => n.Raw.Display).ToList();
        var usedAlias = normalized.Any(n => n.Kind == StageContract.Normalization.StageKind.Alias);
        var result = OutcomeTable.Classify(mode, unknown.Count > 0, usedAlias);
        var distribution = endpoint.InputType is Requests.StageInputType.Array or Requests.StageInputType.Object;
        (int? status, string? code) = result switch
        {
            ValidationResult.Reject => (400, endpoint.InputType == Requests.StageInputType.Array ? "INVALID_STAGE_DISTRIBUTION" : "INVALID_STAGE"),
            _ when distribution && unknown.Count == normalized.Count => (422, "NO_KNOWN_STAGES"),
            _ => ((int?)null, (string?)null),
        };
        return new Expectation(mode, result, status, code, unknown);
    }
}
