using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Properties.Tests.Generators;
using StageContract.Distributions;

namespace Properties.Tests.Distributions;

/// <summary>A generated distribution payload, printed so that a counterexample can be pasted into a test.</summary>
public sealed record Payload(IReadOnlyList<WeightedStage> Entries)
{
    public override string ToString() =>
        "[" + string.Join(", ", Entries.Select(e =>
            $"({TextShrinker.Show(e.Stage.Value)}, {e.Weight.ToString("R", CultureInfo.InvariantCulture)})")) + "]";
}

/// <summary>Distribution payloads: mostly within the sum tolerance, with duplicates, aliases, unknowns and extreme weights.</summary>
internal static class DistributionGenerators
{
    /// <summary>A stage value: canonical, an alias in any spelling, deliberately unknown, or hostile.</summary>
    public static Gen<string> StageValue { get; } = Gen.Frequency(
        (4, Gen.Elements([.. Contract.Stages])),
        (4, Gen.Elements(Contract.Keys).SelectMany(FoldingVariants.Any)),
        (2, Gen.Elements(Contract.DeliberatelyUnknown)),
        (1, HostileText.Soup));

    /// <summary>Weights that are tiny but legal JSON numbers: subnormals, the smallest normal, and a few near them.</summary>
    public static readonly double[] TinyWeights = [double.Epsilon, 1e-320, 1e-310, 2.2250738585072014e-308, 1e-300, 1e-100, 1e-12];

    /// <summary>
    /// Entries whose weights sum to 1 within the contract's 1e-4 (drifting on both sides of the
    /// 1e-6 rescale threshold), or the hostile shape where a tiny known weight sits beside
    /// unknown entries that carry the rest.
    /// </summary>
    public static Gen<Payload> WithinTolerance { get; } = Gen.Frequency(
        (6, Proportional(Gen.Frequency(
            (3, Gen.Constant(0.0)),
            (2, Gen.Choose(-99, 99).Select(k => k * 1e-8)),
            (3, Gen.Choose(-9_900, 9_900).Select(k => k * 1e-8))))),
        (1, TinyKnownBesideUnknowns));

    /// <summary>Entries with legal weights whose sum is farther from 1 than 1e-4 (by at least 1% of the tolerance).</summary>
    public static Gen<Payload> OutsideTolerance { get; } = Gen.Frequency(
        (2, Proportional(Gen.Frequency(
            (1, Gen.Choose(101, 10_000).Select(k => k * 1e-6)),
            (1, Gen.Choose(101, 10_000).Select(k => -k * 1e-6)),
            (1, Gen.Choose(1, 99).Select(k => -k * 1e-2))))),
        (1, IndependentWeights))
        .Where(p => Math.Abs(1 - p.Entries.Sum(e => e.Weight)) > 1.01e-4); // clamping a single entry to 1 can land inside

    private static Gen<Payload> Proportional(Gen<double> drift) =>
        from n in Gen.Choose(1, 12)
        from stages in Gen.ArrayOf(StageValue, n)
        from counts in Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(0)), (6, Gen.Choose(1, 1000))), n)
        from d in drift
        let total = Math.Max(1, counts.Sum())
        let adjusted = counts.Sum() == 0 ? [1, .. counts.Skip(1)] : counts
        select new Payload([.. stages.Zip(adjusted, (s, c) => new WeightedStage(s, Math.Min(1.0, c / (double)total * (1 + d))))]);

    private static Gen<Payload> IndependentWeights =>
        from n in Gen.Choose(1, 12)
        from stages in Gen.ArrayOf(StageValue, n)
        from weights in Gen.ArrayOf(Gen.Choose(0, 1_000_000).Select(k => k / 1e6), n)
        select new Payload([.. stages.Zip(weights, (s, w) => new WeightedStage(s, w))]);

    private static Gen<Payload> TinyKnownBesideUnknowns =>
        from known in Gen.Elements([.. Contract.Keys])
        from tiny in Gen.Elements(TinyWeights)
        from unknown in Gen.Elements(Contract.DeliberatelyUnknown)
        from zeros in Gen.Choose(0, 2)
        from order in Gen.Shuffle([
            new WeightedStage(known, tiny),
            new WeightedStage(unknown, 1 - tiny),
            .. Enumerable.Repeat(new WeightedStage(known, 0.0), zeros)])
        select new Payload(order);
}
