using StageContract.Endpoints;
using StageContract.Normalization;

namespace Harness.Engine.Requests;

/// <summary>One generated request: an endpoint, the raw stage values it carries and its request id.</summary>
/// <param name="Endpoint">Where it goes.</param>
/// <param name="Stages">Raw stage values in the order they are sent (one for query input).</param>
/// <param name="RequestId">The <c>X-Request-Id</c>; it decides the enforcement bucket.</param>
public sealed record StageRequest(StageEndpoint Endpoint, IReadOnlyList<RawStage> Stages, string RequestId)
{
    /// <summary><c>POST /api/allocations [seed, "growth"] rid=...</c>, for evidence.</summary>
    public override string ToString() =>
        $"{Endpoint} [{string.Join(", ", Stages.Select(Show))}] rid={RequestId}";

    private static string Show(RawStage s) =>
        !s.IsString ? s.Display
        : s.Value is null ? "null"
        : System.Text.Json.JsonSerializer.Serialize(s.Value);
}
