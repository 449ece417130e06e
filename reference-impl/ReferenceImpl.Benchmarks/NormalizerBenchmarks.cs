using BenchmarkDotNet.Attributes;
using StageContract;
using StageContract.Normalization;

namespace ReferenceImpl.Benchmarks;

/// <summary>One <see cref="StageNormalizer.Normalize(RawStage)"/> per path: exact lookup, ASCII fold, NFKC.</summary>
[Config(typeof(ValidatorConfig))]
public class NormalizerBenchmarks
{
    private readonly StageNormalizer _normalizer = ContractRules.Default.Normalizer;

    [Params("series-a", "Series A", "ｓｅｒｉｅｓ－ａ", "growth")]
    public string Input { get; set; } = "series-a";

    [Benchmark(Baseline = true, Description = "empty call")]
    public int Baseline() => EmptyCall(Input);

    [Benchmark(Description = "normalize")]
    public NormalizedStage Normalize() => _normalizer.Normalize(Input);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static int EmptyCall(string input) => input.Length;
}
