using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ReferenceImpl.Api.Chaos;
using ReferenceImpl.Api.Hosting;
using StageContract.Modes;

namespace ReferenceImpl.Api.Tests.Chaos;

/// <summary>
/// The latency drill through the running service, on the real clock: only lower bounds on elapsed
/// time are asserted (a slow machine only makes them truer), never upper ones.
/// </summary>
public sealed class InjectedLatencyServiceTests
{
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(200);

    [Fact]
    public async Task Write_WithDatabaseLatency_TakesAtLeastTheLatency_AndSucceeds()
    {
        var latency = new InjectedLatency { DatabaseLatency = Latency };
        await using var host = await ServiceHost.StartAsync(new ServiceOptions { Modes = new() { GlobalMode = ValidationMode.Warn }, InjectedLatency = latency });

        var started = Stopwatch.GetTimestamp();
        using var response = await StageEndpoint.Named("strategies").SendAsync(host, "seed");
        var elapsed = Stopwatch.GetElapsedTime(started);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.True(elapsed >= Latency, $"the write took {elapsed.TotalMilliseconds} ms");
        using var stored = await host.Client.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
    }

    [Fact]
    public async Task Read_WithRedisLatencyBeyondTheBound_IsServedWithTheDefaultMode_AndCountsAnError()
    {
        var latency = new InjectedLatency { RedisLatency = TimeSpan.FromSeconds(30) };
        await using var host = await ServiceHost.StartAsync(new ServiceOptions { Modes = new() { GlobalMode = ValidationMode.Warn }, InjectedLatency = latency });

        using var response = await StageEndpoint.Named("companies").SendAsync(host, "growth");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("warn", OutcomeTableTests.Header(response, "X-Stage-Mode"));
        var metrics = await host.Client.GetStringAsync("/metrics");
        Assert.Contains("stage_mode_redis_errors_total{operation=\"read\"} 1", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LatencyDirectory_SetsTheServicesLatency_FromItsFiles()
    {
        var directory = Directory.CreateTempSubdirectory("latency-service-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(directory.FullName, LatencyFiles.DatabaseFile), "200\n");
            await using var host = await ServiceHost.StartAsync(new ServiceOptions { ChaosLatencyDirectory = directory.FullName });
            var latency = host.Services.GetRequiredService<InjectedLatency>();
            Assert.Equal(Latency, latency.DatabaseLatency);
            Assert.Equal(TimeSpan.Zero, latency.RedisLatency);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task NoLatency_RegistersNoLatencyAndNoWatcher()
    {
        await using var host = await ServiceHost.StartAsync(new ServiceOptions());
        Assert.Null(host.Services.GetService<InjectedLatency>());
        Assert.Null(host.Services.GetService<LatencyFiles>());
        Assert.IsNotType<SlowModeStore>(host.Services.GetRequiredService<ReferenceImpl.Api.ModeStore.IModeStore>());
    }
}
