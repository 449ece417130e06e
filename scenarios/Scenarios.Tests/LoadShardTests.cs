using System.Collections.Concurrent;
using System.Net;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Scenarios.Engine;

namespace Scenarios.Tests;

/// <summary>
/// The shard partition: every global request index belongs to exactly one shard, the shards' counts
/// sum exactly to every step of the whole schedule, and sharded engines together send exactly the
/// unsharded engine's requests, each once.
/// </summary>
[Properties(Arbitrary = [typeof(Arbitraries)], MaxTest = 300)]
public sealed class LoadShardTests
{
    [Property]
    public bool Owns_EveryIndex_BelongsToExactlyOneShard(ShardCount n, NonNegativeInt index) =>
        Enumerable.Range(1, n.Value).Count(i => new LoadShard(i, n.Value).Owns(index.Get)) == 1;

    [Property]
    public void CountOf_TheShardsOfAnyRange_SumToItsLengthAndDifferByAtMostOne(ShardCount n, NonNegativeInt first, NonNegativeInt total)
    {
        var counts = Enumerable.Range(1, n.Value).Select(i => new LoadShard(i, n.Value).CountOf(first.Get, total.Get)).ToList();
        Assert.Equal(total.Get, counts.Sum());
        Assert.InRange(counts.Max() - counts.Min(), 0, 1);
    }

    [Property(MaxTest = 100)]
    public void CountOf_IsTheNumberOfIndexesTheShardOwns(ShardCount n, NonNegativeInt first, NonNegativeInt total)
    {
        var (start, length) = (first.Get % 5_000, total.Get % 5_000);
        var shard = new LoadShard(1 + (start % n.Value), n.Value);
        Assert.Equal(Enumerable.Range(start, length).Count(i => shard.Owns(i)), shard.CountOf(start, length));
    }

    [Property]
    public void Schedule_AnyRampThenSteadyShape_ShardsSumExactlyToEveryStep(ShardCount n, Shape shape)
    {
        var steps = shape.Steps();
        var whole = LoadShard.Whole.Schedule(steps);
        var shards = Enumerable.Range(1, n.Value).Select(i => new LoadShard(i, n.Value).Schedule(steps)).ToList();
        Assert.Equal(steps.Count(s => !s.WarmUp), whole.Count);
        for (var s = 0; s < whole.Count; s++)
        {
            Assert.Equal(whole[s].Total, whole[s].Requests);
            Assert.All(shards, shard => Assert.Equal(whole[s].Total, shard[s].Total));
            Assert.Equal(whole[s].Total, shards.Sum(shard => shard[s].Requests));
        }
    }

    [Theory]
    [InlineData("1/1", 1, 1)]
    [InlineData("3/3", 3, 3)]
    [InlineData("2/7", 2, 7)]
    [InlineData("1000/1000", 1000, 1000)]
    public void TryParse_IOfN_IsThatShard(string text, int index, int count)
    {
        Assert.True(LoadShard.TryParse(text, out var shard, out _));
        Assert.Equal(new LoadShard(index, count), shard);
        Assert.Equal(text, shard.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("3")]
    [InlineData("0/3")]
    [InlineData("4/3")]
    [InlineData("1/0")]
    [InlineData("1/1001")]
    [InlineData("-1/3")]
    [InlineData("+1/3")]
    [InlineData(" 1/3")]
    [InlineData("1/3 ")]
    [InlineData("1.0/3")]
    [InlineData("1/3/4")]
    [InlineData("a/b")]
    public void TryParse_AnythingElse_IsRefusedWithOneLineNamingTheRule(string text)
    {
        Assert.False(LoadShard.TryParse(text, out _, out var error));
        Assert.Contains("1 <= i <= n <= 1000", error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error);
    }

    [Fact]
    public async Task OpenModel_ThreeShards_SendTheUnshardedRequestsEachExactlyOnce()
    {
        LoadStep[] steps =
        [
            new("warm-up", LoadModel.Open.Constant(100), TimeSpan.FromSeconds(0.3), WarmUp: true),
            new("ramp", new LoadModel.Open(0, 151), TimeSpan.FromSeconds(1)),
            new("steady", LoadModel.Open.Constant(151), TimeSpan.FromSeconds(1)),
        ];
        var runs = await Task.WhenAll(new[] { LoadShard.Whole, new(1, 3), new(2, 3), new(3, 3) }.Select(shard => RunAsync(steps, shard)));
        var (whole, shards) = (runs[0], runs[1..]);

        Assert.Equal(30 + 75 + 151, whole.Indexes.Count);
        Assert.Equal(whole.Indexes.Count, shards.Sum(s => s.Indexes.Count));
        Assert.Equal(whole.Indexes.Order(), shards.SelectMany(s => s.Indexes).Order());
        for (var i = 0; i < shards.Length; i++)
        {
            Assert.All(shards[i].Indexes, index => Assert.Equal(i, index % 3));
        }

        foreach (var step in whole.Result.Steps)
        {
            var parts = shards.Select(s => s.Result.Steps.Single(p => p.Name == step.Name)).ToList();
            Assert.Equal(step.Sent + step.Dropped, parts.Sum(p => p.Sent + p.Dropped));
            Assert.Equal(step.TargetRate!.Value, parts.Sum(p => p.TargetRate!.Value), 9);
            Assert.Equal(step.Completed, parts.Aggregate((a, b) => a.Merge(b)).Completed);
        }
    }

    [Fact]
    public async Task ClosedModel_Sharded_IsRefused()
    {
        using var http = new HttpClient(new Recording()) { BaseAddress = new Uri("http://shard.test/") };
        var engine = new LoadEngine(http, TimeProvider.System) { Shard = new LoadShard(1, 2) };
        await Assert.ThrowsAsync<InvalidOperationException>(() => engine.RunAsync(
            [new LoadStep("closed", new LoadModel.Closed(2), TimeSpan.FromSeconds(0.1))], _ => new HttpRequestMessage(HttpMethod.Get, "r"), [], null, 1, null, CancellationToken.None));
    }

    private static async Task<(IReadOnlyList<long> Indexes, Results.LoadResult Result)> RunAsync(IReadOnlyList<LoadStep> steps, LoadShard shard)
    {
        var handler = new Recording();
        using var http = new HttpClient(handler) { BaseAddress = new Uri("http://shard.test/") };
        var result = await new LoadEngine(http, TimeProvider.System) { Shard = shard }
            .RunAsync(steps, i => new HttpRequestMessage(HttpMethod.Get, $"r/{i}"), [], null, 1, null, CancellationToken.None);
        return ([.. handler.Indexes], result);
    }

    private sealed class Recording : HttpMessageHandler
    {
        public ConcurrentBag<long> Indexes { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Indexes.Add(long.Parse(request.RequestUri!.Segments[^1], System.Globalization.CultureInfo.InvariantCulture));
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
        }
    }

    /// <summary>A shard count, 1..1000.</summary>
    public sealed record ShardCount(int Value);

    /// <summary>A ramp-then-steady shape with odd rates and fractional seconds.</summary>
    public sealed record Shape(double Rate, double Ramp, double Steady, double Warmup)
    {
        public IReadOnlyList<LoadStep> Steps() => Catalogue.ScenarioCatalogue.RampThenSteady(Rate, Ramp, Steady, Warmup);
    }

    public static class Arbitraries
    {
        public static Arbitrary<ShardCount> ShardCounts() =>
            Gen.OneOf(Gen.Choose(1, 12), Gen.Choose(1, LoadShard.MaxCount)).Select(n => new ShardCount(n)).ToArbitrary();

        public static Arbitrary<Shape> Shapes() =>
            (from rate in Gen.Choose(1, 50_000)
             from ramp in Gen.Choose(0, 600)
             from steady in Gen.Choose(1, 3_600)
             from warmup in Gen.Choose(0, 600)
             from tenths in Gen.Choose(0, 9)
             select new Shape(rate + (tenths / 10.0), ramp / 10.0, steady + (tenths / 10.0), warmup / 10.0)).ToArbitrary();
    }
}
