using Microsoft.Extensions.Time.Testing;
using ReferenceImpl.Api.Chaos;

namespace ReferenceImpl.Api.Tests.Chaos;

/// <summary><c>STAGE_CHAOS_LATENCY_DIR</c>: the files <c>redis</c> and <c>postgres</c> set the latency at the next tick; anything but a non-negative integer is 0.</summary>
public sealed class LatencyFilesTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("latency-files-");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly InjectedLatency _latency = new();

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public void Redis_WrittenWhileRunning_IsTakenAtTheNextTick()
    {
        using var files = new LatencyFiles(_directory.FullName, _latency, _time);
        Assert.Equal(TimeSpan.Zero, _latency.RedisLatency);

        Write(LatencyFiles.RedisFile, "200\n");
        _time.Advance(LatencyFiles.PollInterval);

        Assert.Equal(TimeSpan.FromMilliseconds(200), _latency.RedisLatency);
        Assert.Equal(TimeSpan.Zero, _latency.DatabaseLatency);
    }

    [Fact]
    public void Postgres_PresentAtStart_IsTakenAtOnce()
    {
        Write(LatencyFiles.DatabaseFile, " 150 ");
        using var files = new LatencyFiles(_directory.FullName, _latency, _time);
        Assert.Equal(TimeSpan.FromMilliseconds(150), _latency.DatabaseLatency);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n")]
    [InlineData("abc")]
    [InlineData("-5")]
    [InlineData("1.5")]
    [InlineData("99999999999")]
    public void Redis_NotANonNegativeInteger_IsZero(string content)
    {
        Write(LatencyFiles.RedisFile, "200");
        using var files = new LatencyFiles(_directory.FullName, _latency, _time);
        Write(LatencyFiles.RedisFile, content);
        _time.Advance(LatencyFiles.PollInterval);
        Assert.Equal(TimeSpan.Zero, _latency.RedisLatency);
    }

    [Fact]
    public void Redis_Removed_IsZero()
    {
        Write(LatencyFiles.RedisFile, "200");
        using var files = new LatencyFiles(_directory.FullName, _latency, _time);
        File.Delete(Path.Combine(_directory.FullName, LatencyFiles.RedisFile));
        _time.Advance(LatencyFiles.PollInterval);
        Assert.Equal(TimeSpan.Zero, _latency.RedisLatency);
    }

    [Fact]
    public void Directory_RemovedWhileRunning_IsZeroAndNeverThrows()
    {
        Write(LatencyFiles.DatabaseFile, "200");
        using var files = new LatencyFiles(_directory.FullName, _latency, _time);
        _directory.Delete(recursive: true);
        _time.Advance(LatencyFiles.PollInterval);
        Assert.Equal(TimeSpan.Zero, _latency.DatabaseLatency);
        _directory.Create();
    }

    [Fact]
    public void Disposed_StopsPolling()
    {
        var files = new LatencyFiles(_directory.FullName, _latency, _time);
        files.Dispose();
        Write(LatencyFiles.RedisFile, "200");
        _time.Advance(LatencyFiles.PollInterval * 3);
        Assert.Equal(TimeSpan.Zero, _latency.RedisLatency);
    }

    private void Write(string name, string content) => File.WriteAllText(Path.Combine(_directory.FullName, name), content);
}
