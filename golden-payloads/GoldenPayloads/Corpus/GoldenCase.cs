using StageContract.Endpoints;

namespace GoldenPayloads.Corpus;

/// <summary>One payload of the golden corpus.</summary>
/// <param name="Endpoint">The contract endpoint whose corpus folder holds the file.</param>
/// <param name="Archetype">What kind of input it is (the file's name without <c>.json</c>).</param>
/// <param name="Description">What the payload exercises and why.</param>
/// <param name="Request">What is sent.</param>
/// <param name="SourcePath">The file it was read from.</param>
public sealed record GoldenCase(StageEndpoint Endpoint, string Archetype, string Description, GoldenRequest Request, string SourcePath)
{
    /// <summary>A stable id, <c>&lt;endpoint folder&gt;/&lt;archetype&gt;</c>, e.g. <c>monte-carlo/alias</c>.</summary>
    public string Id => Endpoint.FolderName() + "/" + Archetype;

    public override string ToString() => Id;
}
