using System.Text.Json;

namespace Harness.Engine.Gates.Drills;

/// <summary>A write the target answered 2xx: where to read it back, what it echoed, and when it was sent.</summary>
/// <param name="ReadBackRoute">Where it is read back, such as <c>api/allocations/{id}</c> with the id filled in.</param>
/// <param name="Id">The <c>id</c> the answer returned.</param>
/// <param name="Echoed">The body the answer echoed (the normalized content).</param>
/// <param name="SentAt">Seconds from the start of the drill at which it was sent.</param>
/// <param name="RequestId">Its <c>X-Request-Id</c>, for evidence.</param>
public sealed record AcknowledgedWrite(string ReadBackRoute, string Id, JsonElement Echoed, double SentAt, string RequestId);
