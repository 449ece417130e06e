using StageContract.Data;
using StageContract.Distributions;
using StageContract.Endpoints;
using StageContract.Headers;
using StageContract.Modes;
using StageContract.Normalization;

namespace StageContract;

/// <summary>
/// The contract's behaviour built once from its data: the one object the reference service, the
/// golden corpus and the harness share as their oracle.
/// </summary>
public sealed class ContractRules
{
    /// <summary>Builds every part from validated data.</summary>
    public ContractRules(StageContractData data)
    {
        Data = data ?? throw new ArgumentNullException(nameof(data));
        Endpoints = new ContractEndpoints(data.Endpoints);
        Normalizer = new StageNormalizer(data);
        Suggester = new StageSuggester(Normalizer, data.SuggestionMaxDistance);
        Distributions = new DistributionEvaluator(Normalizer, data.SumTolerance, data.RescaleTolerance);
        Decider = new ModeDecider(data);
        Headers = new DeprecationHeaders(data);
    }

    /// <summary>The data the rules were built from.</summary>
    public StageContractData Data { get; }

    /// <summary>The stage endpoints and what follows from them (section 6).</summary>
    public ContractEndpoints Endpoints { get; }

    /// <summary>Stage normalization (section 1).</summary>
    public StageNormalizer Normalizer { get; }

    /// <summary>Suggestions for error bodies (section 1).</summary>
    public StageSuggester Suggester { get; }

    /// <summary>Distribution rules (section 2).</summary>
    public DistributionEvaluator Distributions { get; }

    /// <summary>The per-request decision (section 3).</summary>
    public ModeDecider Decider { get; }

    /// <summary>The deprecation header set (section 4).</summary>
    public DeprecationHeaders Headers { get; }

    /// <summary>Rules from the data file shipped with the library.</summary>
    public static ContractRules Default { get; } = new(ContractDataLoader.LoadEmbedded());

    /// <summary>Rules from a data file on disk.</summary>
    public static ContractRules FromFile(string path) => new(ContractDataLoader.LoadFile(path));
}
