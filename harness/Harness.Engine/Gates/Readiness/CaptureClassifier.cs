using GoldenPayloads.Corpus;
using GoldenPayloads.Oracle;
using StageContract;
using StageContract.Endpoints;
using StageContract.Modes;

namespace Harness.Engine.Gates.Readiness;

/// <summary>
/// Classifies captured requests with the contract: finds the stage endpoint a request addresses (any
/// method, the writes and reads by id included), reads its payload with the golden oracle's own
/// reading of section 6, and computes the expected outcome under the phase's configuration with the
/// request id it is replayed with.
/// </summary>
public sealed class CaptureClassifier(ContractRules rules, ModeSettings settings)
{
    private readonly GoldenOracle _oracle = new(rules);

    /// <summary>The classification of <paramref name="request"/> replayed with <paramref name="requestId"/>.</summary>
    public CaptureClass Classify(CapturedRequest request, string requestId)
    {
        ArgumentNullException.ThrowIfNull(request);
        var endpoint = EndpointOf(request.Method, request.Path);
        if (endpoint is null)
        {
            return new CaptureClass(null, requestId, null);
        }

        var golden = new GoldenCase(endpoint, "capture", "a captured request", new GoldenRequest(request.Method, request.Path, null, request.Body), "capture");
        return new CaptureClass(endpoint, requestId, _oracle.Expect(golden, settings, requestId));
    }

    /// <summary>The stage endpoint a method and path (with its query) address, or null.</summary>
    public StageEndpoint? EndpointOf(string method, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var query = path.IndexOf('?', StringComparison.Ordinal);
        return rules.Endpoints.All.FirstOrDefault(e =>
            string.Equals(e.Method, method, StringComparison.Ordinal)
            && e.Matches(e.InputType == StageInputType.Query || query < 0 ? path : path[..query]));
    }

    /// <summary>A request id as the contract reads one (1-128 visible ASCII characters), so that the harness can compute its bucket.</summary>
    public static bool IsValidRequestId(string? id) =>
        id is { Length: >= 1 and <= 128 } && !id.AsSpan().ContainsAnyExceptInRange('!', '~');
}
