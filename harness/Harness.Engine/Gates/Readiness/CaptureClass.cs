using GoldenPayloads.Oracle;
using StageContract.Endpoints;
using StageContract.Modes;

namespace Harness.Engine.Gates.Readiness;

/// <summary>What the contract says about one captured request, decided by the harness (never by the target's answer).</summary>
/// <param name="Endpoint">The stage endpoint it addresses, or null for any other route.</param>
/// <param name="RequestId">The request id it is replayed with (it decides the enforcement bucket).</param>
/// <param name="Expected">The oracle's expectation under the phase's configuration; null off the stage endpoints.</param>
public sealed record CaptureClass(StageEndpoint? Endpoint, string RequestId, ExpectedOutcome? Expected)
{
    /// <summary>The stage decision was reached: the request has stage input and passed the payload rules.</summary>
    public bool Validated => Expected?.Result is not null;

    /// <summary>Validated with at least one unknown stage.</summary>
    public bool Unknown => Validated && Expected!.UnknownValues.Count > 0;

    /// <summary>Unknown, and the phase's configuration gives it the effective mode shadow.</summary>
    public bool WouldReject => Unknown && Expected!.Mode == EffectiveMode.Shadow;
}
