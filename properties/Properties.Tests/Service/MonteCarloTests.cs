using System.Globalization;
using System.Net;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Properties.Tests.Generators;
using StageContract.Modes;

namespace Properties.Tests.Service;

/// <summary>The Monte Carlo endpoint (contract section 6): stage frequencies match the weights over many runs.</summary>
[Collection(ReferenceServiceGroup.Name)]
public sealed class MonteCarloTests(ReferenceServices services)
{
    /// <summary>
    /// Chance that a correct simulator fails one test case. With 200 cases a run, a correct
    /// service fails about one run in 5,000; the bound still scales as sqrt(n p (1 - p)).
    /// </summary>
    private const double FalseAlarmPerCase = 1e-6;

    [Property(MaxTest = 200)]
    public Property Simulate_StageFrequencies_MatchWeightsWithinBinomialBounds() =>
        Prop.ForAll(Arbitraries.Simulations(), async s =>
        {
            using var response = await services.For(EffectiveMode.Off).PostAsync(new Uri("/api/monte-carlo/simulate", UriKind.Relative), s.Content()).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            Assert.True(response.StatusCode == HttpStatusCode.OK, body);

            using var json = JsonDocument.Parse(body);
            var trials = json.RootElement.GetProperty("results").GetProperty("stages").EnumerateArray()
                .ToDictionary(e => e.GetProperty("stage").GetString()!, e => e.GetProperty("trials").GetInt32(), StringComparer.Ordinal);
            Assert.Equal(s.Runs, trials.Values.Sum());
            Assert.Equal(s.Seed, json.RootElement.GetProperty("seed").GetInt32());

            // Two-sided, Bonferroni over the stages of the case.
            var z = NormalQuantile.Of(1 - (FalseAlarmPerCase / (2 * s.Weights.Count)));
            foreach (var (stage, weight) in s.Weights)
            {
                var observed = trials.GetValueOrDefault(stage);
                var expected = s.Runs * weight;
                var bound = (z * Math.Sqrt(s.Runs * weight * (1 - weight))) + 1;
                Assert.True(
                    weight == 0 ? observed == 0 : Math.Abs(observed - expected) <= bound,
                    $"{stage}: {observed} trials of {s.Runs}, expected {expected:F1} +- {bound:F1} (weight {weight:R})");
            }
        });

    [Property(MaxTest = 30)]
    public Property Simulate_SameSeed_SameResponse() =>
        Prop.ForAll(Arbitraries.Simulations(), async s =>
        {
            var client = services.For(EffectiveMode.Warn);
            using var first = await client.PostAsync(new Uri("/api/monte-carlo/simulate", UriKind.Relative), s.Content()).ConfigureAwait(false);
            using var second = await client.PostAsync(new Uri("/api/monte-carlo/simulate", UriKind.Relative), s.Content()).ConfigureAwait(false);
            Assert.Equal(await first.Content.ReadAsStringAsync().ConfigureAwait(false), await second.Content.ReadAsStringAsync().ConfigureAwait(false));
        });

    /// <summary>Canonical stages with weights summing to 1 (zeros included), as the service must compute with them.</summary>
    public sealed record Simulation(IReadOnlyList<(string Stage, double Weight)> Weights, int Runs, int Seed)
    {
        public HttpContent Content()
        {
            var entries = Weights.Select(w => $"{{\"stage\":{Json.String(w.Stage)},\"weight\":{Json.Number(w.Weight)}}}");
            var content = new StringContent(
                string.Create(CultureInfo.InvariantCulture, $"{{\"fundId\":1,\"runs\":{Runs},\"seed\":{Seed},\"stageDistribution\":[{string.Join(",", entries)}]}}"));
            content.Headers.ContentType = new("application/json");
            return content;
        }

        public override string ToString() =>
            string.Create(CultureInfo.InvariantCulture, $"runs={Runs} seed={Seed} [{string.Join(", ", Weights.Select(w => $"{w.Stage}={w.Weight:R}"))}]");
    }

    public static class Arbitraries
    {
        public static Arbitrary<Simulation> Simulations() =>
            (from stages in Gen.SubListOf(Contract.Stages.ToArray()).Where(s => s.Count > 0)
             from counts in Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(0)), (5, Gen.Choose(1, 1000))), stages.Count)
             let total = counts.Sum()
             where total > 0
             from runs in Gen.Frequency((1, Gen.Choose(1, 100)), (4, Gen.Choose(1_000, 100_000)))
             from seed in Gen.Choose(0, int.MaxValue)
             select new Simulation([.. stages.Zip(counts, (s, c) => (s, c / (double)total))], runs, seed)).ToArbitrary();
    }
}
