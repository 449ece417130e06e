using StageContract.Endpoints;
using ReferenceImpl.Api.Validation;
using StageContract;
using StageContract.Distributions;
using StageContract.Normalization;

namespace ReferenceImpl.Api.Faults;

/// <summary>
/// The faults in how stage input is read and computed: unknown payload stages taken as seed, an
/// unknown companies filter taken as seed, duplicates that overwrite, 500 on non-ASCII values, a
/// slow validator. Without faults every method hands its input back untouched.
/// </summary>
public sealed class StageInputFaults
{
    /// <summary>How long the slow validator sleeps per validation.</summary>
    public static readonly TimeSpan SlowValidatorDelay = TimeSpan.FromMilliseconds(10);

    private const string Seed = "seed";
    private readonly FaultSet _faults;
    private readonly ContractRules _rules;

    public StageInputFaults(FaultSet faults, ContractRules rules)
    {
        _faults = faults;
        _rules = rules;
    }

    /// <summary>Evaluates a distribution as the faulty service would (the contract's evaluation without faults).</summary>
    public DistributionResult Evaluate(IReadOnlyList<WeightedStage> entries, StageInputType inputType)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (_faults.IsEmpty)
        {
            return _rules.Distributions.Evaluate(entries);
        }

        var raws = Read([.. entries.Select(e => e.Stage)], inputType);
        var evaluated = _rules.Distributions.Evaluate([.. entries.Select((e, i) => e with { Stage = raws[i] })]);
        if (_faults.Has(Fault.DuplicatesOverwrite) && evaluated.Status == DistributionStatus.Valid)
        {
            evaluated = evaluated with { Merged = LastWins(entries, evaluated.Entries) };
        }

        return evaluated;
    }

    /// <summary>Scalar stage values as the faulty service reads them.</summary>
    public IReadOnlyList<RawStage> Read(IReadOnlyList<RawStage> stages, StageInputType inputType)
    {
        ArgumentNullException.ThrowIfNull(stages);
        if (_faults.IsEmpty)
        {
            return stages;
        }

        if (_faults.Has(Fault.NonAscii500) && stages.Any(s => s.Value is { } v && v.AsSpan().ContainsAnyExceptInRange('\0', '\x7f')))
        {
            throw new InvalidOperationException("fault non-ascii-500: a stage value holds a non-ASCII character");
        }

        if (_faults.Has(Fault.SlowValidator))
        {
            Thread.Sleep(SlowValidatorDelay);
        }

        return _faults.Has(Fault.UnknownStageAsSeed) && inputType != StageInputType.Query
            ? [.. stages.Select(s => _rules.Normalizer.Normalize(s).IsKnown ? s : RawStage.FromString(Seed))]
            : stages;
    }

    /// <summary>The stages a served companies filter goes by, after it was classified (so its headers stay right).</summary>
    public IReadOnlyList<NormalizedStage> FilterStages(IReadOnlyList<NormalizedStage> stages)
    {
        ArgumentNullException.ThrowIfNull(stages);
        return _faults.Has(Fault.UnknownFilterAsSeed)
            ? [.. stages.Select(s => s.IsKnown ? s : _rules.Normalizer.Normalize(RawStage.FromString(Seed)))]
            : stages;
    }

    /// <summary>Known stages in first-seen order, each with the weight of its last entry, rescaled to sum to 1.</summary>
    private static List<CanonicalWeight> LastWins(IReadOnlyList<WeightedStage> entries, IReadOnlyList<NormalizedStage> normalized)
    {
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        var order = new List<string>();
        for (var i = 0; i < entries.Count; i++)
        {
            if (normalized[i].Canonical is { } stage)
            {
                if (!weights.ContainsKey(stage))
                {
                    order.Add(stage);
                }

                weights[stage] = entries[i].Weight;
            }
        }

        var sum = weights.Values.Sum();
        return [.. order.Select(s => new CanonicalWeight(s, sum > 0 ? weights[s] / sum : 0))];
    }
}
