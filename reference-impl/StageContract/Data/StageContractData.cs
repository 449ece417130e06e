using StageContract.Endpoints;

namespace StageContract.Data;

/// <summary>
/// The contract's data as read from <c>stage-contract.json</c>: everything a team adapting the
/// harness to its own service edits without touching code.
/// </summary>
public sealed record StageContractData
{
    /// <summary>Schema version of the data file. Only 1 is understood.</summary>
    public int Version { get; init; }

    /// <summary>Canonical stages, in order.</summary>
    public IReadOnlyList<string> Stages { get; init; } = [];

    /// <summary>Accepted keys (after normalization steps 1-6) per canonical stage.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Aliases { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Inputs that must stay Unknown; checked against the alias table at load.</summary>
    public IReadOnlyList<string> DeliberatelyUnknown { get; init; } = [];

    /// <summary>Largest edit distance for which a suggestion is offered (default 2).</summary>
    public int SuggestionMaxDistance { get; init; } = 2;

    /// <summary>Largest accepted <c>|1 - sum|</c> (default 1e-4).</summary>
    public double SumTolerance { get; init; } = 1e-4;

    /// <summary>Above this <c>|1 - sum|</c> weights are rescaled (default 1e-6).</summary>
    public double RescaleTolerance { get; init; } = 1e-6;

    /// <summary>Header names.</summary>
    public HeaderNames Headers { get; init; } = new();

    /// <summary>The <c>Sunset</c> value, an IMF-fixdate.</summary>
    public string Sunset { get; init; } = "";

    /// <summary>Migration guide URL used in <c>X-Stage-Docs</c> and <c>Link</c>.</summary>
    public string DocsUrl { get; init; } = "";

    /// <summary>The <c>X-Stage-Recommendation</c> text sent in shadow mode.</summary>
    public string Recommendation { get; init; } = "";

    /// <summary>At most this many unknown values are listed in a header (default 10).</summary>
    public int MaxListedVariants { get; init; } = 10;

    /// <summary>A listed raw value is cut to this many characters before encoding (default 64).</summary>
    public int MaxVariantLength { get; init; } = 64;

    /// <summary>
    /// The stage endpoints (contract section 6), reads by id included: method, route template, input
    /// type, read or write, and what a request builder needs to build a valid request. The write
    /// rule of section 3 step 2 is derived from it (<see cref="ContractEndpoints.IsWrite"/>).
    /// </summary>
    public IReadOnlyList<StageEndpoint> Endpoints { get; init; } = [];
}
