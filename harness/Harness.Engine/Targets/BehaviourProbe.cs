using Harness.Engine.Requests;
using StageContract;
using StageContract.Normalization;
using StageContract.Problems;

using StageContract.Endpoints;

namespace Harness.Engine.Targets;

/// <summary>
/// Asks a target, by behaviour, which effective mode it decided for a request: sends the endpoint a
/// payload with one unknown stage (and, for distributions and allocations, one known stage, so it is
/// served rather than 422 outside enforce) and reads the answer through contract section 4: rejected
/// with the stage code is enforce, served with the would-reject flag shadow, with the deprecation set
/// warn, with neither off. Probes may write (a strategy or an allocation with an unknown stage, as
/// any warn-phase client would); they never change the mode.
/// </summary>
public sealed class BehaviourProbe(Flurl.Http.IFlurlClient client, ContractRules rules, TrafficSettings traffic)
{
    /// <summary>The unknown stage every probe carries.</summary>
    public const string ProbeStage = "rehearse-probe";

    private readonly StageTraffic _traffic = new(client, traffic);

    /// <summary>Probes one endpoint with one request id; the raw answer comes back too (for the deprecation set's values).</summary>
    public async Task<(ProbeObservation Observation, ObservedResponse? Response)> ProbeAsync(
        StageEndpoint endpoint, string requestId, ResourceIds ids, bool closeConnection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        RawStage[] stages = endpoint.InputType == StageInputType.Query ? [ProbeStage] : [ProbeStage, rules.Data.Stages[1]];
        var request = new StageRequest(endpoint, stages, requestId);
        var response = await _traffic.SendAsync(request, ids, closeConnection, cancellationToken).ConfigureAwait(false);
        if (response is null)
        {
            return (new ProbeObservation(endpoint, requestId, Behaviour.Unclassifiable, null, 0, "not sent: no resource for its {id}"), null);
        }

        return (Classify(endpoint, requestId, response), response);
    }

    /// <summary>What an answer to a probe reveals.</summary>
    public ProbeObservation Classify(StageEndpoint endpoint, string requestId, ObservedResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var h = rules.Data.Headers;
        var mode = response.Header(h.Mode);
        if (response.TransportError is not null)
        {
            return new ProbeObservation(endpoint, requestId, Behaviour.Unclassifiable, mode, 0, "no answer: " + response.TransportError);
        }

        var status = response.Status;
        var wouldReject = response.Header(h.WouldReject)?.Trim() == "true";
        var deprecated = response.Header(h.Deprecation)?.Trim() == "true";
        var (behaviour, detail) = status switch
        {
            400 when StageRejection.IsRejectionCode(response.ErrorCode) => (Behaviour.Rejected, $"rejected {status} {response.ErrorCode}"),
            >= 200 and < 300 when wouldReject => (Behaviour.WouldReject, $"served {status} with the would-reject flag"),
            >= 200 and < 300 when deprecated => (Behaviour.Warned, $"served {status} with the deprecation set"),
            >= 200 and < 300 => (Behaviour.Silent, $"served {status} without deprecation headers"),
            _ => (Behaviour.Unclassifiable, $"answered {status}{(response.ErrorCode is null ? "" : " " + response.ErrorCode)}"),
        };
        return new ProbeObservation(endpoint, requestId, behaviour, mode, status, detail);
    }
}
