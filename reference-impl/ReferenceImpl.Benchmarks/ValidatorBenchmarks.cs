using BenchmarkDotNet.Attributes;
using StageContract;
using StageContract.Distributions;
using StageContract.Normalization;

namespace ReferenceImpl.Benchmarks;

/// <summary>
/// The validator: <see cref="DistributionEvaluator.Evaluate(ReadOnlySpan{WeightedStage}, Span{NormalizedStage}, Span{double}, Span{int})"/>
/// with preallocated outputs, as the hot path runs it, for 1-, 6- and 100-entry distributions of
/// canonical, alias and unknown stages; and the normalizer alone.
/// </summary>
[Config(typeof(ValidatorConfig))]
public class ValidatorBenchmarks
{
    private static readonly string[] Canonical = ["pre-seed", "seed", "series-a", "series-b", "series-c", "series-c+"];
    private static readonly string[] Aliases = ["Pre Seed", " SEED ", "Series A", "SERIES_B", "series  c", "SeriesC+"];
    private static readonly string[] Unknown = ["growth", "late stage", "series-d", "angel", "Round A", "seriesc"];

    private readonly DistributionEvaluator _evaluator = ContractRules.Default.Distributions;
    private readonly StageNormalizer _normalizer = ContractRules.Default.Normalizer;
    private readonly NormalizedStage[] _normalized = new NormalizedStage[100];
    private readonly double[] _merged = new double[6];
    private readonly int[] _order = new int[6];
    private WeightedStage[] _entries = [];

    [Params(1, 6, 100)]
    public int Entries { get; set; }

    [Params("canonical", "alias", "unknown")]
    public string Stages { get; set; } = "canonical";

    [GlobalSetup]
    public void Setup()
    {
        var source = Stages switch { "canonical" => Canonical, "alias" => Aliases, _ => Unknown };
        _entries = [.. Enumerable.Range(0, Entries).Select(i => new WeightedStage(source[i % source.Length], 1.0 / Entries))];
    }

    [Benchmark(Baseline = true, Description = "empty call")]
    public int Baseline() => EmptyCall(_entries);

    [Benchmark(Description = "validate distribution")]
    public DistributionSummary Validate() => _evaluator.Evaluate(_entries, _normalized, _merged, _order);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static int EmptyCall(WeightedStage[] entries) => entries.Length;
}
