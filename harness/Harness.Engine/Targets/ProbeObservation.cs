using Harness.Engine.Requests;
using StageContract.Modes;

using StageContract.Endpoints;

namespace Harness.Engine.Targets;

/// <summary>One behavioural probe: a request with an unknown stage, and what its answer reveals.</summary>
/// <param name="Endpoint">Where it went.</param>
/// <param name="RequestId">Its <c>X-Request-Id</c>.</param>
/// <param name="Behaviour">How the target treated it.</param>
/// <param name="ModeHeader">The <c>X-Stage-Mode</c> it came back with, or null.</param>
/// <param name="Status">HTTP status; 0 when no answer came.</param>
/// <param name="Detail">The answer in a few words (status, code, flags), for evidence.</param>
public sealed record ProbeObservation(StageEndpoint Endpoint, string RequestId, Behaviour Behaviour, string? ModeHeader, int Status, string Detail)
{
    /// <summary>The request id's enforcement bucket.</summary>
    public int Bucket => EnforcementBucket.Of(RequestId);

    /// <summary>The effective mode the behaviour reveals; null when it reveals none.</summary>
    public EffectiveMode? Mode => Behaviour.Mode();

    /// <summary><c>POST /api/allocations (bucket 24)</c>.</summary>
    public string Subject => $"{Endpoint} (rid {RequestId}, bucket {Bucket})";

    /// <summary><c>enforce: 400 INVALID_STAGE; X-Stage-Mode: enforce</c>.</summary>
    public string Describe() => $"{Mode?.ToWire() ?? "no mode"}: {Detail}; X-Stage-Mode: {ModeHeader ?? "(absent)"}";
}
