using System.Globalization;

namespace ReferenceImpl.Api.Chaos;

/// <summary>
/// Lets an outside command slow a running service (<c>STAGE_CHAOS_LATENCY_DIR</c>, rehearsals only):
/// every <see cref="PollInterval"/> the files <c>redis</c> and <c>postgres</c> of the directory are
/// read into <see cref="InjectedLatency.RedisLatency"/> and <see cref="InjectedLatency.DatabaseLatency"/>.
/// A file holds a non-negative integer of milliseconds; a missing, empty or unreadable file is 0.
/// </summary>
public sealed class LatencyFiles : IDisposable
{
    /// <summary>How often the files are read.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>File holding the Redis latency in milliseconds.</summary>
    public const string RedisFile = "redis";

    /// <summary>File holding the database latency in milliseconds.</summary>
    public const string DatabaseFile = "postgres";

    private readonly string _directory;
    private readonly InjectedLatency _latency;
    private readonly ITimer _timer;

    public LatencyFiles(string directory, InjectedLatency latency, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(latency);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _directory = directory;
        _latency = latency;
        Poll();
        _timer = timeProvider.CreateTimer(static state => ((LatencyFiles)state!).Poll(), this, PollInterval, PollInterval);
    }

    public void Dispose() => _timer.Dispose();

    /// <summary>Reads both files now.</summary>
    public void Poll()
    {
        _latency.RedisLatency = Read(RedisFile);
        _latency.DatabaseLatency = Read(DatabaseFile);
    }

    // Synchronous on purpose: a timer callback, a file of a few bytes. It must never throw: a file
    // half-written by `echo`, removed, or made unreadable just means no latency until the next tick.
    private TimeSpan Read(string name)
    {
        try
        {
            var text = File.ReadAllText(Path.Combine(_directory, name)).Trim();
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds)
                ? TimeSpan.FromMilliseconds(milliseconds)
                : TimeSpan.Zero;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return TimeSpan.Zero;
        }
    }
}
