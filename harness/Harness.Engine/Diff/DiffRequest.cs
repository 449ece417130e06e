namespace Harness.Engine.Diff;

/// <summary>
/// One request the diff sends to every target, the same bytes and request id to each (so the same
/// enforcement bucket). A path may hold <c>{id:&lt;resource&gt;}</c>, filled with each target's own fixture.
/// </summary>
/// <param name="Source">Golden corpus, generated or capture.</param>
/// <param name="Label">What it is, for examples: the golden case id, the generated request, the capture line.</param>
/// <param name="Method">HTTP method, upper case.</param>
/// <param name="Path">Path and query from '/', percent-encoded.</param>
/// <param name="Body">JSON body text, sent as it is; null for none.</param>
/// <param name="RequestId">The <c>X-Request-Id</c> sent.</param>
/// <param name="Endpoint">The contract endpoint it addresses (<c>POST /api/allocations</c>), or the method and path when it addresses none.</param>
/// <param name="CarriesUnknownStage">True when its stage input holds at least one unknown value (contract section 1).</param>
/// <param name="IsWrite">True for a write of contract section 3 (POST, PUT, PATCH of the persisted resources).</param>
public sealed record DiffRequest(DiffSource Source, string Label, string Method, string Path, string? Body, string RequestId, string Endpoint, bool CarriesUnknownStage, bool IsWrite)
{
    /// <summary>The placeholder of a resource id in <see cref="Path"/>.</summary>
    public static string IdPlaceholder(string resource) => "{id:" + resource + "}";
}
