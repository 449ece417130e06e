using System.Net;
using ReferenceImpl.Api.Hosting;
using Scenarios.Engine;
using StageContract.Modes;

namespace Scenarios.Tests;

/// <summary>The engine against the real reference service (open and closed models) and against a stalling handler (no coordinated omission).</summary>
public sealed class LoadEngineTests
{
    [Fact]
    public async Task OpenModel_200PerSecondFor3s_AchievesTheRateAndTalliesHeaders()
    {
        await using var service = await ReferenceService.StartAsync(ServiceOptions.Default with { Modes = new ModeSettings { GlobalMode = ValidationMode.Warn } }, CancellationToken.None);
        using var http = LoadEngine.CreateClient(service.BaseAddress);
        var engine = new LoadEngine(http, TimeProvider.System);
        var steps = new[]
        {
            new LoadStep("warm-up", LoadModel.Open.Constant(100), TimeSpan.FromSeconds(0.5), WarmUp: true),
            new LoadStep("steady", LoadModel.Open.Constant(200), TimeSpan.FromSeconds(3)),
        };
        var result = await engine.RunAsync(steps, i => new HttpRequestMessage(HttpMethod.Get, i % 10 == 0 ? "api/funds/1/companies?stage=growth" : "api/funds/1/companies?stage=seed"),
            ["X-Stage-Mode", "Deprecation"], (_, r) => r.Headers.Contains("Deprecation") ? "unknown" : "known", seed: 1, progress: null, CancellationToken.None);

        var step = Assert.Single(result.Steps);
        Assert.Equal(600, step.Sent + step.Dropped);
        Assert.Equal(step.Sent, step.Completed + step.TransportErrors);
        Assert.InRange(step.AchievedRate, 190, 210);
        Assert.Equal(step.Completed, step.Statuses["200"]);
        Assert.Equal(step.Completed, step.Headers["X-Stage-Mode: warn"]);
        Assert.Equal(60, step.Classes["unknown"]);
        Assert.True(step.Percentile(50) > 0);
        Assert.Equal(200, step.TargetRate);
        Assert.Equal(step.Completed, step.PerSecond.Sum(s => s.Completed));
    }

    [Fact]
    public async Task ClosedModel_FourWorkers_KeepExactlyFourInFlight()
    {
        using var handler = new CountingHandler(TimeSpan.FromMilliseconds(5));
        using var http = new HttpClient(handler) { BaseAddress = new Uri("http://closed.test/") };
        var result = await new LoadEngine(http, TimeProvider.System).RunAsync(
            [new LoadStep("closed", new LoadModel.Closed(4), TimeSpan.FromSeconds(1))],
            _ => new HttpRequestMessage(HttpMethod.Get, "r"), [], null, 1, null, CancellationToken.None);
        var step = Assert.Single(result.Steps);
        Assert.Equal(4, handler.MaxInFlight);
        Assert.Equal(step.Sent, step.Completed);
        Assert.True(step.Completed >= 20, $"only {step.Completed} answers");
        Assert.Null(step.TargetRate);
        Assert.Equal(0, step.Late);
    }

    [Fact]
    public async Task ClosedModel_AgainstTheReference_AnswersEverything()
    {
        await using var service = await ReferenceService.StartAsync(ServiceOptions.Default, CancellationToken.None);
        using var http = LoadEngine.CreateClient(service.BaseAddress);
        var result = await new LoadEngine(http, TimeProvider.System).RunAsync(
            [new LoadStep("closed", new LoadModel.Closed(4), TimeSpan.FromSeconds(1))],
            _ => new HttpRequestMessage(HttpMethod.Get, "healthz"), [], null, 1, null, CancellationToken.None);
        var step = Assert.Single(result.Steps);
        Assert.True(step.Completed >= 4);
        Assert.Equal(step.Completed, step.Statuses["200"]);
        Assert.Equal(0, step.TransportErrors);
    }

    [Fact]
    public async Task OpenModel_TargetStalls_LatencyCountsTheQueueFromScheduledStart()
    {
        using var handler = new StallingHandler(stallIndex: 20, stall: TimeSpan.FromMilliseconds(400));
        using var http = new HttpClient(handler) { BaseAddress = new Uri("http://stall.test/") };
        var result = await new LoadEngine(http, TimeProvider.System).RunAsync(
            [new LoadStep("stall", LoadModel.Open.Constant(100), TimeSpan.FromSeconds(1))],
            i => new HttpRequestMessage(HttpMethod.Get, $"r/{i}"), [], null, 1, null, CancellationToken.None);
        var step = Assert.Single(result.Steps);

        // Requests scheduled during the 400 ms stall wait behind it; measured from their scheduled
        // start, about 40 of them see 100+ ms. A closed loop measuring from the send would show one slow request.
        var slow = step.Latency.Where(p => p[0] > 100_000).Sum(p => p[1]);
        Assert.True(slow >= 20, $"{slow} slow answers");
        Assert.True(step.Percentile(100) >= 350_000);
    }

    /// <summary>Answers after a fixed delay and records the most requests it ever had in flight.</summary>
    private sealed class CountingHandler(TimeSpan delay) : HttpMessageHandler
    {
        private int _inFlight;
        private int _max;

        public int MaxInFlight => Volatile.Read(ref _max);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref _inFlight);
            int seen;
            while (now > (seen = Volatile.Read(ref _max)) && Interlocked.CompareExchange(ref _max, now, seen) != seen)
            {
            }

            try
            {
                await Task.Delay(delay, cancellationToken);
                return new HttpResponseMessage(HttpStatusCode.OK);
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }
    }

    /// <summary>Serves one request at a time; request <c>stallIndex</c> takes <c>stall</c>.</summary>
    private sealed class StallingHandler(int stallIndex, TimeSpan stall) : HttpMessageHandler
    {
        private readonly SemaphoreSlim _one = new(1, 1);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await _one.WaitAsync(cancellationToken);
            try
            {
                if (request.RequestUri!.AbsolutePath == $"/r/{stallIndex}")
                {
                    await Task.Delay(stall, cancellationToken);
                }

                return new HttpResponseMessage(HttpStatusCode.OK);
            }
            finally
            {
                _one.Release();
            }
        }

        protected override void Dispose(bool disposing)
        {
            _one.Dispose();
            base.Dispose(disposing);
        }
    }
}
